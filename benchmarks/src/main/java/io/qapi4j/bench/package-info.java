/**
 * JMH benchmarks: reading and checking a schema, exporting it to JSON Schema, and validating real
 * QMP traffic with each engine. Every benchmark class carries a baseline measured in the same run;
 * results are reported as ratios against it ({@code benchmarks/README.md}).
 */
@NullMarked
package io.qapi4j.bench;

import org.jspecify.annotations.NullMarked;
