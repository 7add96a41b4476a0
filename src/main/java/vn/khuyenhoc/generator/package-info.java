/**
 * The national-scale data set (benchmarks, and a small one for the demo).
 */
@ApplicationModule(allowedDependencies = {"shared", "system"})
package vn.khuyenhoc.generator;

import org.springframework.modulith.ApplicationModule;
