#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include "http/api_routes.hpp"
#include "http/openapi_document.hpp"
#include "storage/open_store.hpp"

namespace buyalign::http {
namespace {

using Operation = std::pair<std::string, std::string>;  // (method, path)

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::filesystem::temp_directory_path() /
          ("buyalign_openapi_" + std::to_string(::getpid()) + ".db");
    auto store = storage::OpenStore(db_.string());
    ASSERT_TRUE(store) << core::Describe(store.error());
    store_ = std::move(*store);
    doc_.Parse(OpenApiDocument().data(), OpenApiDocument().size());
    ASSERT_FALSE(doc_.HasParseError());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove(db_);
  }

  std::filesystem::path db_;
  std::unique_ptr<storage::Store> store_;
  rapidjson::Document doc_;
  Metrics metrics_;
};

TEST_F(OpenApiTest, DocumentAndRouterListTheSameOperations) {
  ApiContext ctx{*store_, methodology::Methodology::Default(), metrics_};
  const Router router = BuildApiRouter(ctx);

  std::set<Operation> routed;
  std::map<Operation, std::string> routed_ids;
  for (const Route& route : router.routes()) {
    EXPECT_TRUE(routed.insert({route.method, route.pattern}).second)
        << "duplicate route " << route.label;
    routed_ids[{route.method, route.pattern}] = route.operation_id;
  }

  std::set<Operation> documented;
  static const std::set<std::string> kMethods{"get", "put", "post", "delete", "patch"};
  ASSERT_TRUE(doc_.HasMember("paths"));
  for (const auto& path : doc_["paths"].GetObject()) {
    for (const auto& operation : path.value.GetObject()) {
      const std::string method = operation.name.GetString();
      if (kMethods.count(method) == 0) continue;  // "parameters" shared by a path's operations
      const Operation key{Upper(method), path.name.GetString()};
      documented.insert(key);
      ASSERT_TRUE(operation.value.HasMember("operationId")) << key.first << " " << key.second;
      if (routed_ids.count(key)) {
        EXPECT_EQ(routed_ids[key], operation.value["operationId"].GetString())
            << key.first << " " << key.second;
      }
    }
  }

  for (const Operation& op : routed) {
    EXPECT_TRUE(documented.count(op))
        << "routed but not documented: " << op.first << " " << op.second;
  }
  for (const Operation& op : documented) {
    EXPECT_TRUE(routed.count(op)) << "documented but not routed: " << op.first << " " << op.second;
  }
  EXPECT_GE(routed.size(), 47u);
}

TEST_F(OpenApiTest, IsOpenApi31WithRecordAndErrorSchemas) {
  EXPECT_STREQ(doc_["openapi"].GetString(), "3.1.0");
  const auto& schemas = doc_["components"]["schemas"];
  for (const char* name : {"Account", "Contact", "Opportunity", "DmuMember", "Signal", "Activity",
                           "ContentItem", "Error", "ImportSummary"}) {
    EXPECT_TRUE(schemas.HasMember(name)) << name;
  }
}

}  // namespace
}  // namespace buyalign::http
