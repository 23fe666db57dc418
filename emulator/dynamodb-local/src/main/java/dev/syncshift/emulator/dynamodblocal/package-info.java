/**
 * DynamoDB Local, in memory, served over HTTP on the loopback interface only: the DynamoDB endpoint the migrator,
 * the AppSync emulator and their tests share. DynamoDB Local is never bundled (its licence forbids it); callers put
 * it on the class path from their own Maven cache.
 */
@NullMarked
package dev.syncshift.emulator.dynamodblocal;

import org.jspecify.annotations.NullMarked;
