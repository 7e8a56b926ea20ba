// Errors meant for the user of rpp: already formatted (`FILE:LINE:COL: error: ...` or
// `rpp: error: ...`), printed as they are, and turned into an exit code (2 for bad input).
#pragma once
#include <stdexcept>
#include <string>

namespace rpp {

class UserError : public std::runtime_error {
 public:
  explicit UserError(std::string message, int exit_code = 2)
      : std::runtime_error(std::move(message)), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

}  // namespace rpp
