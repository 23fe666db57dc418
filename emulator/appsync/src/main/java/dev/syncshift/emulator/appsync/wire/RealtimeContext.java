package dev.syncshift.emulator.appsync.wire;

import dev.syncshift.emulator.appsync.auth.IamAuthRules;
import dev.syncshift.emulator.appsync.rules.GraphQlRules;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every real-time connection shares.
 *
 * @param rules the API
 * @param auth SigV4 verification
 * @param json the codec
 * @param timer schedules keep-alives
 * @param keepAlive the {@code ka} interval
 * @param connectionTimeout the {@code connectionTimeoutMs} {@code connection_ack} announces
 */
record RealtimeContext(GraphQlRules rules, IamAuthRules auth, GraphQlJson json, ScheduledExecutorService timer,
        Duration keepAlive, Duration connectionTimeout) {
}
