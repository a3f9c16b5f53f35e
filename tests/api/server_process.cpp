#include "server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace buyalign::api_test {
namespace {

std::filesystem::path FreshDir() {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("buyalign_api_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Reads the child's stdout until the "listening on http://HOST:PORT" line; returns the port.
int ReadPort(int fd, int timeout_ms) {
  std::string seen;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    char buf[256];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    seen.append(buf, static_cast<size_t>(n));
    const size_t newline = seen.find('\n');
    if (newline == std::string::npos) continue;
    const std::string line = seen.substr(0, newline);
    const std::string prefix = "listening on http://";
    const size_t colon = line.rfind(':');
    if (line.rfind(prefix, 0) != 0 || colon == std::string::npos) {
      throw std::runtime_error("unexpected first line: " + line);
    }
    return std::stoi(line.substr(colon + 1));
  }
  throw std::runtime_error("the server did not say where it listens; stdout: " + seen);
}

// Admin tokens by port, so an HttpClient made from a bare port finds its server's token.
std::mutex& TokensMutex() {
  static std::mutex mutex;
  return mutex;
}
std::map<int, std::string>& Tokens() {
  static std::map<int, std::string> tokens;
  return tokens;
}

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

std::string Joined(const std::vector<std::string>& args) {
  std::string out;
  for (const auto& arg : args) out += (out.empty() ? "" : " ") + arg;
  return out;
}

}  // namespace

CliRun RunBuyalign(const std::vector<std::string>& args, const std::string& input) {
  int in[2], out[2], err[2];
  if (::pipe(in) != 0 || ::pipe(out) != 0 || ::pipe(err) != 0) throw std::runtime_error("pipe");
  std::vector<std::string> argv_text{BUYALIGN_BINARY};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in[0], STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(err[1], STDERR_FILENO);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
    std::vector<char*> argv;
    for (auto& arg : argv_text) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  if (!input.empty() && ::write(in[1], input.data(), input.size()) < 0) {
    // The child may exit without reading; its status tells what happened.
  }
  ::close(in[1]);
  CliRun run;
  std::string errors;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  int open_fds = 2;
  while (open_fds > 0 && ::poll(fds, 2, 30000) > 0) {
    for (pollfd& p : fds) {
      if (p.fd < 0 || (p.revents & (POLLIN | POLLHUP)) == 0) continue;
      char buf[4096];
      const ssize_t n = ::read(p.fd, buf, sizeof buf);
      if (n <= 0) {
        ::close(p.fd);
        p.fd = -1;
        --open_fds;
      } else {
        (p.fd == out[0] ? run.out : errors).append(buf, static_cast<size_t>(n));
      }
    }
  }
  for (pollfd& p : fds) {
    if (p.fd >= 0) ::close(p.fd);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (run.status != 0) run.out += errors;  // what went wrong, for the test's message
  return run;
}

std::string AdminTokenFor(int port) {
  std::lock_guard lock(TokensMutex());
  auto it = Tokens().find(port);
  return it == Tokens().end() ? std::string() : it->second;
}

std::string ServerProcess::CreateToken(const std::string& user_id, const std::string& name) {
  const std::vector<std::string> args{"token",  "create", "--db",   database_,
                                      "--user", user_id,  "--name", name};
  CliRun run = RunBuyalign(args);
  if (run.status != 0) throw std::runtime_error("buyalign " + Joined(args) + ": " + run.out);
  return Trimmed(run.out);
}

std::string ServerProcess::AddUser(const std::string& id, const std::string& role,
                                   const std::string& team, const std::vector<std::string>& manages,
                                   const std::string& password) {
  std::vector<std::string> args{"user",   "add", "--db",    database_,
                                "--id",   id,    "--name",  id,
                                "--role", role,  "--email", id + "@test.example"};
  if (!team.empty()) args.insert(args.end(), {"--team", team});
  for (const auto& managed : manages) args.insert(args.end(), {"--manages", managed});
  args.push_back(password.empty() ? "--no-password" : "--password-stdin");
  CliRun run = RunBuyalign(args, password.empty() ? "" : password + "\n");
  if (run.status != 0) throw std::runtime_error("buyalign " + Joined(args) + ": " + run.out);
  return CreateToken(id);
}

ServerProcess::ServerProcess(std::vector<std::string> extra_args)
    : extra_args_(std::move(extra_args)), dir_(FreshDir()) {
  db_ = dir_ / "api.db";
  database_ = db_.string();
  if (auto db = std::find(extra_args_.begin(), extra_args_.end(), "--db");
      db != extra_args_.end() && db + 1 != extra_args_.end()) {
    database_ = *(db + 1);
  }
  admin_token_ = AddUser(kAdminId, "admin", "");
  Start();
}

void ServerProcess::Start() {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  const std::string log = (dir_ / "server.log").string();
  std::vector<std::string> args{BUYALIGN_BINARY, "serve", "--db",   db_.string(),
                                "--port",        "0",     "--host", "127.0.0.1",
                                "--threads",     "2"};
  args.insert(args.end(), extra_args_.begin(), extra_args_.end());
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    // Appended: a restarted server's log follows the first one's.
    const int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    ::dup2(err, STDERR_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  try {
    port_ = ReadPort(out[0], 20000);
  } catch (...) {
    ::close(out[0]);
    Terminate(1000);
    throw;
  }
  ::close(out[0]);  // the server writes nothing more on stdout
  std::lock_guard lock(TokensMutex());
  Tokens()[port_] = admin_token_;
}

void ServerProcess::Kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

void ServerProcess::Restart() {
  if (pid_ > 0) throw std::logic_error("Restart: the server is still running");
  {
    std::lock_guard lock(TokensMutex());
    Tokens().erase(port_);
  }
  Start();
}

ServerProcess::~ServerProcess() {
  {
    std::lock_guard lock(TokensMutex());
    Tokens().erase(port_);
  }
  if (pid_ > 0) Terminate();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string ServerProcess::Log() const {
  std::ifstream in(dir_ / "server.log");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int ServerProcess::Terminate(int timeout_ms) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  return WaitForExit(timeout_ms);
}

int ServerProcess::WaitForExit(int timeout_ms) {
  if (pid_ <= 0) return -1;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

}  // namespace buyalign::api_test
