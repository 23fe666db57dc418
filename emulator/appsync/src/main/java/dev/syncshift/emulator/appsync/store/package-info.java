/**
 * Store layer: state behind interfaces (DynamoDB items and tables, the credentials registry, live
 * subscriptions). No AppSync rules here. May use the AWS SDK and Jackson; must not import {@code wire} or
 * {@code rules}.
 */
@NullMarked
package dev.syncshift.emulator.appsync.store;

import org.jspecify.annotations.NullMarked;
