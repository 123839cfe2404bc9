#include <gtest/gtest.h>

#include "annalist/document.h"

TEST(Pos, NamesRoundTrip) {
  for (int i = 1; i < static_cast<int>(annalist::Pos::kCount); ++i) {
    auto pos = static_cast<annalist::Pos>(i);
    EXPECT_EQ(annalist::PosFromName(annalist::PosName(pos)), pos);
  }
}
