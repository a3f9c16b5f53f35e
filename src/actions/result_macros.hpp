#pragma once

#include "core/result.hpp"

// Unwraps a Result into `target`, or returns its error from the enclosing function. The same
// shape as methodology_loader.cpp's private macros, for the playbook's readers.
#define ACTIONS_ASSIGN(target, expr)                                           \
  do {                                                                         \
    auto assign_result_ = (expr);                                              \
    if (!assign_result_) return core::Fail(std::move(assign_result_.error())); \
    target = std::move(*assign_result_);                                       \
  } while (0)

#define ACTIONS_CHECK(expr)                                                  \
  do {                                                                       \
    auto check_status_ = (expr);                                             \
    if (!check_status_) return core::Fail(std::move(check_status_.error())); \
  } while (0)
