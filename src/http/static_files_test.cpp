#include "http/static_files.hpp"

#include <fstream>

#include <gtest/gtest.h>

namespace buyalign::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() /
        ("buyalign_static_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "web" / "assets");
    Write(root_ / "web" / "index.html", "<html>app</html>");
    Write(root_ / "web" / "assets" / "app.js", "console.log(1)");
    Write(root_ / "secret.txt", "do not serve");
  }
  void TearDown() override { fs::remove_all(root_); }
  static void Write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTheirContentType) {
  StaticFiles files(root_ / "web");
  Response js = files.Serve("/assets/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  Response index = files.Serve("/");
  EXPECT_EQ(index.body, "<html>app</html>");
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
}

TEST_F(StaticFilesTest, AppRoutesFallBackToIndex) {
  StaticFiles files(root_ / "web");
  EXPECT_EQ(files.Serve("/opportunities/o1/dmu").body, "<html>app</html>");
}

TEST_F(StaticFilesTest, MissingAssetIs404) {
  StaticFiles files(root_ / "web");
  EXPECT_EQ(files.Serve("/assets/missing.js").status, 404);
}

TEST_F(StaticFilesTest, TraversalIsRefused) {
  StaticFiles files(root_ / "web");
  for (const char* path : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                           "/..%2fsecret.txt", "/assets%2f..%2f..%2fsecret.txt"}) {
    const Response response = files.Serve(path);
    EXPECT_EQ(response.body.find("do not serve"), std::string::npos) << path;
  }
}

TEST_F(StaticFilesTest, SymlinkOutOfTheRootIsNotFollowed) {
  fs::create_symlink(root_ / "secret.txt", root_ / "web" / "leak.txt");
  StaticFiles files(root_ / "web");
  EXPECT_EQ(files.Serve("/leak.txt").status, 404);
}

TEST_F(StaticFilesTest, PlaceholderWithoutABuild) {
  fs::remove(root_ / "web" / "index.html");
  StaticFiles files(root_ / "web");
  const Response page = files.Serve("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("not built yet"), std::string::npos);
  EXPECT_NE(page.body.find("/api/v1/openapi.json"), std::string::npos);
  StaticFiles none("");
  EXPECT_NE(none.Serve("/anything").body.find("not built yet"), std::string::npos);
}

TEST(ContentTypeFor, KnownAndUnknownExtensions) {
  EXPECT_EQ(ContentTypeFor("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("a.bin"), "application/octet-stream");
}

}  // namespace
}  // namespace buyalign::http
