#include "storage/connection_pool.hpp"

namespace buyalign::storage {

ConnectionPool::ConnectionPool(std::unique_ptr<SqlConnection> writer,
                               std::vector<std::unique_ptr<SqlConnection>> readers)
    : writer_(std::move(writer)), readers_(std::move(readers)) {
  for (auto& reader : readers_) free_readers_.push_back(reader.get());
}

ConnectionPool::Lease::Lease(ConnectionPool& pool) : pool(pool) {
  std::unique_lock lock(pool.readers_mutex_);
  pool.reader_freed_.wait(lock, [&] { return !pool.free_readers_.empty(); });
  connection = pool.free_readers_.back();
  pool.free_readers_.pop_back();
}

ConnectionPool::Lease::~Lease() {
  {
    std::lock_guard lock(pool.readers_mutex_);
    pool.free_readers_.push_back(connection);
  }
  pool.reader_freed_.notify_one();
}

}  // namespace buyalign::storage
