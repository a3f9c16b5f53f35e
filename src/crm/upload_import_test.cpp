#include "crm/upload_import.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "crm/crm_test_support.hpp"
#include "crm/source_error.hpp"

namespace buyalign::crm {
namespace {

using testing::CrmTest;
using testing::TestData;
using testing::WriteFile;

std::vector<std::string> FileNames(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

UploadImport Upload(UploadKind kind, std::filesystem::path dir, std::vector<std::string> files) {
  UploadImport upload;
  upload.kind = kind;
  upload.dir = std::move(dir);
  upload.files = std::move(files);
  return upload;
}

using UploadImportTest = CrmTest;

TEST_F(UploadImportTest, SalesforceUploadNotesTheFilesItDoesNotRead) {
  const auto dir = CopyOf(TestData("salesforce"));
  WriteFile(dir / "Case.csv", "Id,Subject\n500A1,Broken truck\n");
  UploadImport upload = Upload(UploadKind::kSalesforce, dir, FileNames(dir));
  upload.actor = {"u-admin", "api"};
  storage::Store& store = NewStore();
  auto report = RunUploadImport(store, upload);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->StoredCount("account").created, 4);
  const auto& notes = report->notes();
  EXPECT_NE(
      std::find(notes.begin(), notes.end(), "Case.csv: not a file this import reads, ignored"),
      notes.end());
  auto audit = store.ListAudit({}, {"", 10});
  ASSERT_TRUE(audit);
  ASSERT_FALSE(audit->items.empty());
  EXPECT_EQ(audit->items.front().user_id, "u-admin");
}

TEST_F(UploadImportTest, ErrorsNameTheFileLineAndColumnButNotTheFolder) {
  const auto dir = CopyOf(TestData("salesforce"));
  WriteFile(dir / "Opportunity.csv",
            "Id,AccountId,Name,StageName,CloseDate\n"
            "006X1,001A1,Deal,Prospecting,2026-06-30\n"
            "006X2,001A1,Deal,Prospecting,the 30th of June\n");
  storage::Store& store = NewStore();
  auto report = RunUploadImport(store, Upload(UploadKind::kSalesforce, dir, FileNames(dir)));
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().message.find(dir.string()), std::string::npos) << report.error().message;
  SourcePosition at = PositionOf(report.error(), FileNames(dir));
  EXPECT_EQ(at.file, "Opportunity.csv") << report.error().message;
  EXPECT_EQ(at.line, 3);
  EXPECT_EQ(at.column, 5);
  EXPECT_EQ(report.error().field, "CloseDate");
  EXPECT_EQ(store.GetAccount("001A1").error().code, core::ErrorCode::kNotFound);  // all or nothing
}

TEST_F(UploadImportTest, CsvNeedsAMappingAndOneFileWhenItNamesNone) {
  WriteFile(dir() / "accounts.csv", "Company,Country\nJanssens,BE\n");
  WriteFile(dir() / "more.csv", "Company,Country\nPeeters,NL\n");
  auto mapping = CsvMapping::Parse(R"(
[[source]]
record = "account"
[source.fields]
id = { column = "Company", derive = "slug" }
name = "Company"
)",
                                   "test.mapping.toml");
  ASSERT_TRUE(mapping) << mapping.error().message;
  storage::Store& store = NewStore();
  UploadImport upload = Upload(UploadKind::kCsv, dir(), {"accounts.csv"});
  EXPECT_EQ(RunUploadImport(store, upload).error().field, "mapping");
  upload.mapping = *mapping;
  upload.files = {"accounts.csv", "more.csv"};
  EXPECT_EQ(RunUploadImport(store, upload).error().field, "files");
  upload.files = {"accounts.csv"};
  auto report = RunUploadImport(store, upload);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->StoredCount("account").created, 1);
}

TEST(SourcePosition, ReadsBackWhatErrorAtWrote) {
  core::Error error = ErrorAt("Account.csv", 14, 5, "Name", "empty account name: line 9");
  SourcePosition at = PositionOf(error, {"Contact.csv", "Account.csv"});
  EXPECT_EQ(at.file, "Account.csv");
  EXPECT_EQ(at.line, 14);
  EXPECT_EQ(at.column, 5);
  SourcePosition no_column =
      PositionOf(ErrorAt("Account.csv", 2, 0, {}, "a, column 3"), {"Account.csv"});
  EXPECT_EQ(no_column.column, 0);
  EXPECT_EQ(PositionOf(error, {"Other.csv"}).file, "");
}

}  // namespace
}  // namespace buyalign::crm
