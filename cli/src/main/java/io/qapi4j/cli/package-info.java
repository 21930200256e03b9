/**
 * The {@code qapi4j} command: {@link io.qapi4j.cli.Main} is the entry point, {@link
 * io.qapi4j.cli.Qapi4jCommand} the top command, and each subcommand lives in its own class ({@link
 * io.qapi4j.cli.CheckCommand}, ...). Options shared by several subcommands are picocli mixins
 * ({@link io.qapi4j.cli.SchemaOptions}, {@link io.qapi4j.cli.FormatOption}).
 *
 * <p>Exit codes follow the command-line contract of the design: {@link io.qapi4j.cli.ExitCode}.
 */
@NullMarked
package io.qapi4j.cli;

import org.jspecify.annotations.NullMarked;
