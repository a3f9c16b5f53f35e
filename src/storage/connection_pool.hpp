#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/result.hpp"
#include "storage/sql_connection.hpp"

namespace buyalign::storage {

// Owns the connections of one database: one writer and a few readers. Writers are serialized on
// the writer connection (SQLite has one writer at a time anyway; waiting on a mutex is cheaper and
// fairer than spinning on SQLITE_BUSY), while readers run in parallel on their own connections
// (under WAL they read a snapshot and never wait for the writer).
//
// Thread-safe. Connections are lent to one thread at a time for the span of one transaction.
class ConnectionPool {
 public:
  ConnectionPool(std::unique_ptr<SqlConnection> writer,
                 std::vector<std::unique_ptr<SqlConnection>> readers);

  // Runs `work` inside one write transaction on the writer connection: committed when it
  // succeeds, rolled back when it fails (or when the commit fails).
  template <class T>
  core::Result<T> Write(const std::function<core::Result<T>(SqlConnection&)>& work) {
    std::lock_guard lock(writer_mutex_);
    return InTransaction<T>(*writer_, TransactionMode::kWrite, work);
  }

  // Runs `work` inside one read transaction on a free reader (waiting for one if all are busy).
  template <class T>
  core::Result<T> Read(const std::function<core::Result<T>(SqlConnection&)>& work) {
    Lease lease(*this);
    return InTransaction<T>(*lease.connection, TransactionMode::kRead, work);
  }

 private:
  struct Lease {
    explicit Lease(ConnectionPool& pool);
    ~Lease();
    ConnectionPool& pool;
    SqlConnection* connection;
  };

  template <class T>
  static core::Result<T> InTransaction(SqlConnection& connection, TransactionMode mode,
                                       const std::function<core::Result<T>(SqlConnection&)>& work) {
    if (auto ok = connection.Begin(mode); !ok) return core::Fail(ok.error());
    core::Result<T> result = work(connection);
    if (!result) {
      connection.Rollback();
      return result;
    }
    if (auto ok = connection.Commit(); !ok) {
      connection.Rollback();
      return core::Fail(ok.error());
    }
    return result;
  }

  std::mutex writer_mutex_;
  std::unique_ptr<SqlConnection> writer_;  // guarded by writer_mutex_

  std::mutex readers_mutex_;
  std::condition_variable reader_freed_;
  std::vector<std::unique_ptr<SqlConnection>> readers_;  // owned; never resized
  std::vector<SqlConnection*> free_readers_;             // guarded by readers_mutex_
};

}  // namespace buyalign::storage
