#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  std::fprintf(stderr, "annalist: not yet wired\n");
  return 2;
}
