"""Builds the `annalist` Python package with the repository's CMake build (no network).

    /usr/bin/python3 -m venv --system-site-packages ~/venvs/annalist
    ~/venvs/annalist/bin/pip install --no-build-isolation bindings/python

(or `/usr/bin/python3 -m pip install --no-build-isolation --break-system-packages
bindings/python` into the system's Python, see README.md). The C++ module is built by CMake
in ANNALIST_BUILD_DIR (default: build-python/ at the repository root) for the Python that
runs pip, and copied into the package.
"""
import glob
import os
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = os.environ.get("ANNALIST_BUILD_DIR") or os.path.join(ROOT, "build-python")
        configure = ["cmake", "-S", ROOT, "-B", build_dir, "-DCMAKE_BUILD_TYPE=RelWithDebInfo",
                     f"-DANNALIST_PYTHON={sys.executable}"]
        if shutil.which("ninja"):
            configure += ["-G", "Ninja"]
        if shutil.which("ccache"):
            configure += ["-DCMAKE_CXX_COMPILER_LAUNCHER=ccache", "-DCMAKE_C_COMPILER_LAUNCHER=ccache"]
        subprocess.check_call(configure)
        jobs = os.environ.get("ANNALIST_BUILD_JOBS", "2")
        subprocess.check_call(["cmake", "--build", build_dir, "--target", "annalist_python", "-j", jobs])
        built = glob.glob(os.path.join(build_dir, "python", "annalist", "_annalist*.so"))
        if not built:
            raise RuntimeError(f"the module was not built in {build_dir}/python/annalist (pybind11-dev missing?)")
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(built[0], target)


setup(
    name="annalist",
    version="0.1.0",
    description="CAMEO event coding of news text (Python bindings of the annalist C++ library)",
    packages=["annalist"],
    ext_modules=[Extension("annalist._annalist", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    python_requires=">=3.9",
    zip_safe=False,
)
