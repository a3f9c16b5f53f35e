#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace buyalign::api_test {

// A running `buyalign serve` child process on a fresh database file and a free port. Starts in
// the constructor (reading the port from its "listening on" line), sends SIGTERM and waits in
// the destructor, which also removes the database. Between the two it can be killed outright
// and restarted on the same database (the crash tests). Not thread-safe; one owner.
class ServerProcess {
 public:
  // `extra_args` are appended to `serve --db <temp> --port 0`.
  explicit ServerProcess(std::vector<std::string> extra_args = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::filesystem::path& db() const { return db_; }
  // What the server wrote to stderr so far (logs, access lines).
  std::string Log() const;

  // Sends SIGTERM and waits up to `timeout_ms`; returns the exit status (as from waitpid's
  // WEXITSTATUS), or -1 when it did not exit normally in time (it is then killed).
  int Terminate(int timeout_ms = 10000);
  // Waits for an exit the test already asked for (a second SIGTERM during shutdown may kill the
  // process by design): its exit status, or -1 after a signal or when it outlives the timeout
  // (it is then killed).
  int WaitForExit(int timeout_ms);
  // SIGKILL, no chance to clean up (a crash or power cut), and waits until it is gone.
  void Kill();
  // Starts the server again on the same database (and arguments) after it exited or was killed;
  // it listens on a new free port.
  void Restart();
  // The directory of the database, removed with it: room for a test's other files.
  const std::filesystem::path& dir() const { return dir_; }

 private:
  void Start();

  std::vector<std::string> extra_args_;
  std::filesystem::path dir_;
  std::filesystem::path db_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace buyalign::api_test
