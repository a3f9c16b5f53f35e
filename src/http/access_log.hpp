#pragma once

#include <cstddef>
#include <string_view>

// One structured line per request, on stderr (stdout carries only the "listening on" line).
namespace buyalign::http {

// Writes {"method":..,"path":..,"route":..,"status":..,"bytes":..,"duration_ms":..} through the
// "access" spdlog logger. Thread-safe.
void LogAccess(std::string_view method, std::string_view path, std::string_view route, int status,
               size_t bytes, double duration_ms);

// Writes out lines still held in the batch (see access_log.cpp); called at shutdown.
void FlushAccessLog();

}  // namespace buyalign::http
