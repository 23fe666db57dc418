/**
 * Reads a CloudFormation template (YAML short-form intrinsics or JSON) and the schema and resolver files it
 * references into {@code api} definitions and {@code store} table definitions.
 */
@NullMarked
package dev.syncshift.emulator.appsync.template;

import org.jspecify.annotations.NullMarked;
