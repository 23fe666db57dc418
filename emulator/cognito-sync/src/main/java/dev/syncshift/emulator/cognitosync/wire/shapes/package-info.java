/**
 * Wire shapes: the request and response structures of the two services, named and spelled as in the AWS models
 * (the codec writes their components in PascalCase). Part of the wire layer.
 */
@NullMarked
package dev.syncshift.emulator.cognitosync.wire.shapes;

import org.jspecify.annotations.NullMarked;
