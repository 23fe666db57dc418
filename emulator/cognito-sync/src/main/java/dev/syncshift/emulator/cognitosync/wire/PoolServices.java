package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.BulkPublishRules;
import dev.syncshift.emulator.cognitosync.rules.ConfigurationRules;
import dev.syncshift.emulator.cognitosync.rules.PushSyncRules;
import dev.syncshift.emulator.cognitosync.rules.UsageRules;

/**
 * The rules of Cognito Sync's usage and configuration operations.
 *
 * @param usage DescribeIdentityPoolUsage, ListIdentityPoolUsage, DescribeIdentityUsage
 * @param configuration Get/SetIdentityPoolConfiguration, Get/SetCognitoEvents
 * @param pushSync RegisterDevice, SubscribeToDataset, UnsubscribeFromDataset
 * @param bulkPublish BulkPublish, GetBulkPublishDetails
 */
public record PoolServices(UsageRules usage, ConfigurationRules configuration, PushSyncRules pushSync,
        BulkPublishRules bulkPublish) {
}
