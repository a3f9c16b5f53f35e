#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace buyalign::api_test {

// The stdout and exit status of one run of the buyalign binary.
struct CliRun {
  int status = -1;  // the exit code, or -1 when it did not exit normally
  std::string out;
};

// Runs the buyalign binary with `args` (no shell), feeding `input` to its stdin.
CliRun RunBuyalign(const std::vector<std::string>& args, const std::string& input = {});

// The admin API token of the test server listening on `port`, or "" for none (HttpClient sends it
// by default, so tests talk to the server as a signed-in admin without saying so).
std::string AdminTokenFor(int port);

// A running `buyalign serve` child process on a fresh database file and a free port. Before
// serving, it creates an admin user (`buyalign user add`) and an API token for it (`buyalign
// token create`), which every HttpClient to this port then sends. Starts in the constructor
// (reading the port from its "listening on" line), sends SIGTERM and waits in the destructor,
// which also removes the database. Between the two it can be killed outright and restarted on
// the same database (the crash tests). Not thread-safe; one owner.
class ServerProcess {
 public:
  static constexpr const char* kAdminId = "api-test-admin";

  // `extra_args` are appended to `serve --db <temp> --port 0` (a `--db` among them is also where
  // the admin is created).
  explicit ServerProcess(std::vector<std::string> extra_args = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  const std::string& admin_token() const { return admin_token_; }
  // The database the server serves: the temporary file, or the --db given in `extra_args`.
  const std::string& database() const { return database_; }

  // Adds a user with `buyalign user add` (no password unless `password` is given) and returns an
  // API token for them from `buyalign token create`. Throws when either command fails.
  std::string AddUser(const std::string& id, const std::string& role, const std::string& team,
                      const std::vector<std::string>& manages = {},
                      const std::string& password = {});
  // `buyalign token create` for an existing user: the token. Throws on failure.
  std::string CreateToken(const std::string& user_id, const std::string& name = "api-test");
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
  std::string database_;
  std::string admin_token_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace buyalign::api_test
