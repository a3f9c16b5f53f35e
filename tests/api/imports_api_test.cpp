#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "api_fixture.hpp"

namespace buyalign::api_test {
namespace {

using ImportsApi = ApiTest;

constexpr const char* kBoundary = "----buyalign-test-7d1f";

std::filesystem::path SourceDir() {
  const char* dir = std::getenv("BUYALIGN_SOURCE_DIR");
  return dir != nullptr ? dir
                        : std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A multipart/form-data body as a browser sends it: fields, then files.
struct Form {
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<std::pair<std::string, std::string>> files;  // (file name, content)

  std::string Body() const {
    std::string body;
    for (const auto& [name, value] : fields) {
      body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name +
              "\"\r\n\r\n" + value + "\r\n";
    }
    for (const auto& [name, content] : files) {
      body += std::string("--") + kBoundary +
              "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name +
              "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n";
    }
    return body + "--" + kBoundary + "--\r\n";
  }
};

// The files of a test data folder, by name.
std::vector<std::pair<std::string, std::string>> FolderFiles(const std::string& folder) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : std::filesystem::directory_iterator(SourceDir() / folder)) {
    files.emplace_back(entry.path().filename().string(), ReadFile(entry.path()));
  }
  return files;
}

std::string Text(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> out(buffer);
  value.Accept(out);
  return buffer.GetString();
}

HttpResult Upload(HttpClient& client, const Form& form) {
  return client.Send("POST", "/api/v1/imports", form.Body(), {},
                     std::string("multipart/form-data; boundary=") + kBoundary);
}

// Polls the job until it ends (at most 30 s) and returns its last state.
rapidjson::Document AwaitJob(HttpClient& client, const std::string& location) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (true) {
    HttpResult got = client.Get(location);
    EXPECT_EQ(got.status, 200) << got.body;
    rapidjson::Document job = got.Json();
    if (got.status != 200 || job.HasParseError()) return job;
    const std::string status = job["status"].GetString();
    if (status == "succeeded" || status == "failed") return job;
    EXPECT_TRUE(status == "queued" || status == "running") << status;
    if (std::chrono::steady_clock::now() > deadline) {
      ADD_FAILURE() << "the import did not end: " << got.body;
      return job;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

TEST_F(ImportsApi, SalesforceExportUploadImportsInTheBackground) {
  Form form{{{"kind", "salesforce"}}, FolderFiles("src/crm/testdata/salesforce")};
  form.files.emplace_back("Case.csv", "Id,Subject\n500A1,Broken truck\n");
  HttpResult accepted = Upload(client(), form);
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  rapidjson::Document queued = accepted.Json();
  const std::string id = queued["id"].GetString();
  EXPECT_EQ(id.substr(0, 4), "imp-");
  EXPECT_STREQ(queued["kind"].GetString(), "salesforce");
  EXPECT_EQ(queued["files"].Size(), form.files.size());
  EXPECT_EQ(accepted.Header("location"), "/api/v1/imports/" + id);

  rapidjson::Document job = AwaitJob(client(), accepted.Header("location"));
  ASSERT_STREQ(job["status"].GetString(), "succeeded") << Text(job);
  EXPECT_TRUE(job.HasMember("finished_at"));
  EXPECT_EQ(job["progress"]["percent"].GetInt(), 100);
  const auto& summary = job["summary"];
  EXPECT_EQ(summary["stored"]["account"]["created"].GetInt(), 4);
  EXPECT_GT(summary["stored"]["opportunity"]["created"].GetInt(), 0);
  EXPECT_GT(summary["stored"]["activity"]["created"].GetInt(), 0);
  // Values the sample's CRM defined for itself are counted, not refused.
  bool unmapped = false;
  for (const auto& value : summary["values"].GetArray()) {
    unmapped |=
        std::string(value["event"].GetString()) == "unmapped" && value["count"].GetInt() > 0;
  }
  EXPECT_TRUE(unmapped) << "the sample has unmapped values";
  bool noted = false;
  for (const auto& note : summary["notes"].GetArray()) {
    noted |= std::string(note.GetString()) == "Case.csv: not a file this import reads, ignored";
  }
  EXPECT_TRUE(noted);

  HttpResult account = client().Get("/api/v1/accounts/001A1");
  ASSERT_EQ(account.status, 200);
  EXPECT_STREQ(account.Json()["name"].GetString(), "Transport Janssens, NV");
}

TEST_F(ImportsApi, ABrokenFileFailsTheJobNamingFileLineAndColumnAndImportsNothing) {
  Form form{{{"kind", "salesforce"}},
            {{"Account.csv", "Id,Name\n001B1,Broken Imports NV\n001B2,Second NV\n"},
             {"Opportunity.csv",
              "Id,AccountId,Name,StageName,CloseDate\n"
              "006B1,001B1,Deal,Prospecting,2026-06-30\n"
              "006B2,001B2,Deal,Prospecting,the 30th of June\n"}}};
  HttpResult accepted = Upload(client(), form);
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  rapidjson::Document job = AwaitJob(client(), accepted.Header("location"));
  ASSERT_STREQ(job["status"].GetString(), "failed") << Text(job);
  ASSERT_TRUE(job.HasMember("error"));
  const auto& error = job["error"];
  EXPECT_STREQ(error["code"].GetString(), "invalid_argument");
  EXPECT_STREQ(error["file"].GetString(), "Opportunity.csv");
  EXPECT_EQ(error["line"].GetInt(), 3);
  EXPECT_EQ(error["column"].GetInt(), 5);
  EXPECT_STREQ(error["field"].GetString(), "CloseDate");
  const std::string message = error["message"].GetString();
  EXPECT_NE(message.find("Opportunity.csv: line 3, column 5"), std::string::npos) << message;
  EXPECT_EQ(message.find("/tmp"), std::string::npos) << "no server path: " << message;
  EXPECT_FALSE(job.HasMember("summary"));
  // All or nothing: the good accounts before the bad cell are not stored either.
  EXPECT_EQ(client().Get("/api/v1/accounts/001B1").status, 404);
  EXPECT_EQ(client().Get("/api/v1/accounts/001B2").status, 404);
}

TEST_F(ImportsApi, CsvWithItsMappingAndHubSpotExportsImportToo) {
  const std::string mapping =
      "[[source]]\nrecord = \"account\"\n[source.fields]\n"
      "id = { column = \"Company\", derive = \"slug\", prefix = \"csv-\" }\nname = \"Company\"\n";
  HttpResult csv = Upload(client(), {{{"kind", "csv"}, {"mapping", mapping}},
                                     {{"firms.csv", "Company;Country\nVan Dam Bouw;BE\n"}}});
  ASSERT_EQ(csv.status, 202) << csv.body;
  rapidjson::Document csv_job = AwaitJob(client(), csv.Header("location"));
  ASSERT_STREQ(csv_job["status"].GetString(), "succeeded") << Text(csv_job);
  EXPECT_EQ(csv_job["summary"]["stored"]["account"]["created"].GetInt(), 1);
  EXPECT_EQ(client().Get("/api/v1/accounts/csv-van-dam-bouw").status, 200);

  HttpResult hubspot =
      Upload(client(), {{{"kind", "hubspot"}}, FolderFiles("src/crm/testdata/hubspot")});
  ASSERT_EQ(hubspot.status, 202) << hubspot.body;
  rapidjson::Document hubspot_job = AwaitJob(client(), hubspot.Header("location"));
  ASSERT_STREQ(hubspot_job["status"].GetString(), "succeeded") << Text(hubspot_job);
  EXPECT_GT(hubspot_job["summary"]["stored"]["opportunity"]["created"].GetInt(), 0);
}

struct BadUpload {
  const char* what;
  Form form;
  const char* field;
};

TEST_F(ImportsApi, BadFormsAre400NamingTheFieldAndQueueNothing) {
  const std::pair<std::string, std::string> file{"Account.csv", "Id,Name\n001Z1,Z\n"};
  const BadUpload cases[] = {
      {"no kind", {{}, {file}}, "kind"},
      {"unknown kind", {{{"kind", "pipedrive"}}, {file}}, "kind"},
      {"no file", {{{"kind", "salesforce"}}, {}}, "files"},
      {"csv without mapping", {{{"kind", "csv"}}, {file}}, "mapping"},
      {"broken mapping", {{{"kind", "csv"}, {"mapping", "[[source]\n"}}, {file}}, "mapping"},
      {"bad date order", {{{"kind", "salesforce"}, {"date_order", "yes"}}, {file}}, "date_order"},
      {"a path as file name", {{{"kind", "salesforce"}}, {{"..", "x"}}}, "files"},
      {"twice the same file", {{{"kind", "salesforce"}}, {file, file}}, "files"},
      {"unknown field", {{{"kind", "salesforce"}, {"dry_run", "1"}}, {file}}, "dry_run"},
  };
  for (const BadUpload& c : cases) {
    HttpResult result = Upload(client(), c.form);
    EXPECT_EQ(result.status, 400) << c.what << ": " << result.body;
    rapidjson::Document body = result.Json();
    ASSERT_TRUE(body.HasMember("error")) << c.what << ": " << result.body;
    EXPECT_STREQ(body["error"]["field"].GetString(), c.field) << c.what;
  }
  HttpResult not_a_form = client().Post("/api/v1/imports", R"({"kind":"salesforce"})");
  EXPECT_EQ(not_a_form.status, 400);
  EXPECT_STREQ(not_a_form.Json()["error"]["field"].GetString(), "Content-Type");
  HttpResult cut_off =
      client().Send("POST", "/api/v1/imports",
                    std::string("--") + kBoundary +
                        "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nsales",
                    {}, std::string("multipart/form-data; boundary=") + kBoundary);
  EXPECT_EQ(cut_off.status, 400) << cut_off.body;
  EXPECT_EQ(client().Get("/api/v1/accounts/001Z1").status, 404);
  HttpResult unknown = client().Get("/api/v1/imports/imp-nothing");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.ErrorCode(), "not_found");
}

}  // namespace
}  // namespace buyalign::api_test
