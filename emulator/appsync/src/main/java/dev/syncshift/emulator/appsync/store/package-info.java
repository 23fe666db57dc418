/**
 * Store layer: state behind interfaces (DynamoDB items and tables, the credentials registry, live
 * subscriptions). DynamoDB is reached only through the data-source protocol, AppSync's DynamoDB request objects
 * ({@link dev.syncshift.emulator.appsync.store.ItemStore#execute}); no client is handed to the layers above. No GraphQL
 * or resolver rules here. May use the AWS SDK and Jackson; must not import any other package of the emulator.
 */
@NullMarked
package dev.syncshift.emulator.appsync.store;

import org.jspecify.annotations.NullMarked;
