#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "http_client.hpp"
#include "server_process.hpp"

namespace buyalign::api_test {

// One server (fresh database) shared by the tests of a suite, and a client per test. Tests use
// distinct ids so they do not depend on each other's records.
class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { client_ = std::make_unique<HttpClient>(server_->port()); }

  HttpClient& client() { return *client_; }
  static ServerProcess& server() { return *server_; }

  // Creates a record with POST and asserts 201; returns its JSON text.
  HttpResult MustCreate(const std::string& target, const std::string& body) {
    HttpResult result = client().Post(target, body);
    EXPECT_EQ(result.status, 201) << target << " " << body << " -> " << result.body;
    return result;
  }

  static inline ServerProcess* server_ = nullptr;
  std::unique_ptr<HttpClient> client_;
};

}  // namespace buyalign::api_test
