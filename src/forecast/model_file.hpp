#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "forecast/win_model.hpp"

namespace buyalign::forecast {

// The win-model file: one JSON document holding everything `predict` needs to replay training:
// the target and positive value, the feature pipeline (column kinds, one-hot levels, the level
// statistics of the win-rate encodings), the logistic model (standardisation, weights), the
// booster in XGBoost's own JSON format (as a string, byte for byte), both calibrators, the chosen
// model and the training summary. "format": "buyalign-win-model", "version": 1.
//
// Loading checks the format and version and fails with kInvalidArgument naming the first missing
// or malformed field ("model file m.json: pipeline.columns[2].kind: unknown kind \"blob\"").
core::Result<std::string> WriteModelJson(const WinModel& model);
core::Result<WinModel> ReadModelJson(std::string_view json, std::string_view source);

core::Status SaveModel(const WinModel& model, const std::filesystem::path& path);
core::Result<WinModel> LoadModel(const std::filesystem::path& path);

}  // namespace buyalign::forecast
