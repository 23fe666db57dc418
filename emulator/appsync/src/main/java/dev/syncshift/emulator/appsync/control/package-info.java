/**
 * The control plane over the one API: GetGraphqlApi, GetIntrospectionSchema, ListTypes and GetType (the schema's
 * types, {@code SchemaTypes}), ListResolvers, ListFunctions (paged), ListTagsForResource and EvaluateCode (its code
 * run in {@code js}), answering in plain records that {@code wire} renders. Built by {@code rules} from the
 * executable schema; imports {@code api} and {@code js}; never Jetty, Jackson or GraalJS.
 */
@NullMarked
package dev.syncshift.emulator.appsync.control;

import org.jspecify.annotations.NullMarked;
