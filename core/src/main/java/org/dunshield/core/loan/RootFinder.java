package org.dunshield.core.loan;

import java.util.function.DoubleUnaryOperator;

/**
 * Finds the rate {@code x > -1} where a net present value function crosses zero: it brackets a sign
 * change on a fixed grid, searching outward from zero (so of several roots the one nearest zero
 * wins), then refines with Newton's method safeguarded by bisection. It stops when the bracket is
 * narrower than {@link #TOLERANCE} or the value is exactly zero.
 */
final class RootFinder {
  /** The absolute tolerance on the rate: far below the 1e-8 that six decimals of a percent need. */
  static final double TOLERANCE = 1e-14;

  private static final double[] GRID = {
    0, 0.001, 0.01, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 100, 1e3, 1e4, 1e6
  };
  private static final double[] NEGATIVE_GRID = {0, -0.01, -0.05, -0.1, -0.3, -0.6, -0.9, -0.99,
    -0.9999};

  private RootFinder() {}

  static double solve(DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
    double[] bracket = bracket(f, GRID);
    if (bracket == null) {
      bracket = bracket(f, NEGATIVE_GRID);
    }
    if (bracket == null) {
      throw new IllegalArgumentException(
          "these cash flows have no rate of return between -99.99 % and 10^8 % a period");
    }
    return refine(f, derivative, bracket[0], bracket[1]);
  }

  private static double[] bracket(DoubleUnaryOperator f, double[] grid) {
    double a = grid[0];
    double fa = f.applyAsDouble(a);
    if (fa == 0) {
      return new double[] {a, a};
    }
    for (int i = 1; i < grid.length; i++) {
      double b = grid[i];
      double fb = f.applyAsDouble(b);
      if (Double.isFinite(fb) && Math.signum(fb) != Math.signum(fa)) {
        return new double[] {Math.min(a, b), Math.max(a, b)};
      }
      a = b;
      fa = fb;
    }
    return null;
  }

  private static double refine(
      DoubleUnaryOperator f, DoubleUnaryOperator derivative, double lo, double hi) {
    if (lo == hi) {
      return lo;
    }
    double flo = f.applyAsDouble(lo);
    double x = (lo + hi) / 2;
    for (int i = 0; i < 500 && hi - lo > TOLERANCE; i++) {
      double fx = f.applyAsDouble(x);
      if (fx == 0) {
        return x;
      }
      if (Math.signum(fx) == Math.signum(flo)) {
        lo = x;
        flo = fx;
      } else {
        hi = x;
      }
      double d = derivative.applyAsDouble(x);
      double next = d == 0 ? Double.NaN : x - fx / d;
      if (!(next > lo && next < hi)) {
        next = (lo + hi) / 2;
      } else if (Math.abs(next - x) < TOLERANCE) {
        return next;
      }
      x = next;
    }
    return x;
  }
}
