/**
 * Wire layer: Jetty handlers for {@code POST /graphql} and the real-time WebSocket, the JSON codec and the
 * error renderer. Imports {@code rules}, {@code auth}, {@code control}, {@code fault} and {@code api}; nothing below it
 * sees a wire type.
 */
@NullMarked
package dev.syncshift.emulator.appsync.wire;

import org.jspecify.annotations.NullMarked;
