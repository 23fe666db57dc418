package dev.syncshift.migrator.cli;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.appsync.model.GetGraphqlApiRequest;
import software.amazon.awssdk.services.cognitoidentity.model.DescribeIdentityPoolRequest;
import software.amazon.awssdk.services.cognitoidentity.model.GetIdentityPoolRolesRequest;
import software.amazon.awssdk.services.cognitoidentity.model.ListIdentitiesRequest;
import software.amazon.awssdk.services.cognitosync.model.DeleteDatasetRequest;
import software.amazon.awssdk.services.cognitosync.model.DescribeIdentityPoolUsageRequest;
import software.amazon.awssdk.services.cognitosync.model.GetCognitoEventsRequest;
import software.amazon.awssdk.services.cognitosync.model.GetIdentityPoolConfigurationRequest;
import software.amazon.awssdk.services.cognitosync.model.ListDatasetsRequest;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsRequest;
import software.amazon.awssdk.services.cognitosync.model.UpdateRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The IAM actions and resource ARNs AWS authorizes an SDK call on, as AWS's Service Authorization Reference gives
 * them, for the operations the migrator calls. An operation not listed here fails the test that meets it, until it
 * is added: nothing the migrator calls goes unchecked.
 *
 * <ul>
 *   <li>Cognito Identity authorizes DescribeIdentityPool, ListIdentities and GetIdentityPoolRoles on the identity
 *   pool ({@code arn:aws:cognito-identity:REGION:ACCOUNT:identitypool/POOL_ID}).
 *   <li>Cognito Sync authorizes DescribeIdentityPoolUsage, GetCognitoEvents and GetIdentityPoolConfiguration on the
 *   pool ({@code arn:aws:cognito-sync:REGION:ACCOUNT:identitypool/POOL_ID}), ListRecords on the dataset
 *   ({@code .../identitypool/POOL_ID/identity/IDENTITY_ID/dataset/NAME}), as UpdateRecords and DeleteDataset (a
 *   write-back pass), and ListDatasets on the dataset type too,
 *   although the request names no dataset: it must be allowed on the identity and on any of its datasets.
 *   <li>DynamoDB authorizes each item of a TransactWriteItems as its own action (Put as PutItem, Update as
 *   UpdateItem, Delete as DeleteItem, ConditionCheck as ConditionCheckItem) on the item's table: there is no
 *   {@code dynamodb:TransactWriteItems} action. A Query on an index is authorized on the index's ARN.
 *   <li>AppSync authorizes GetGraphqlApi on the API ({@code arn:aws:appsync:REGION:ACCOUNT:apis/API_ID});
 *   GetIntrospectionSchema, ListResolvers, ListFunctions, ListDataSources and EvaluateCode have no resource type,
 *   so only a statement for every resource ({@code "*"}) allows them.
 * </ul>
 */
final class IamRequirements {

    /** The account the emulators serve. */
    static final String ACCOUNT = "123456789012";

    /** One action on one resource. */
    record Requirement(String action, String resource) {
        @Override
        public String toString() {
            return action + " on " + resource;
        }
    }

    private IamRequirements() {
    }

    /** What {@code call} needs; fails for an operation this table does not know. */
    static List<Requirement> of(SdkCallRecorder.Call call) {
        SdkRequest request = call.request();
        String region = call.region();
        return switch (call.service() + ":" + call.operation()) {
            case "CognitoIdentity:DescribeIdentityPool" -> identityPool(call,
                    ((DescribeIdentityPoolRequest) request).identityPoolId());
            case "CognitoIdentity:ListIdentities" -> identityPool(call,
                    ((ListIdentitiesRequest) request).identityPoolId());
            case "CognitoIdentity:GetIdentityPoolRoles" -> identityPool(call,
                    ((GetIdentityPoolRolesRequest) request).identityPoolId());
            case "CognitoSync:DescribeIdentityPoolUsage" -> syncPool(call,
                    ((DescribeIdentityPoolUsageRequest) request).identityPoolId());
            case "CognitoSync:GetCognitoEvents" -> syncPool(call, ((GetCognitoEventsRequest) request).identityPoolId());
            case "CognitoSync:GetIdentityPoolConfiguration" -> syncPool(call,
                    ((GetIdentityPoolConfigurationRequest) request).identityPoolId());
            case "CognitoSync:ListDatasets" -> listDatasets(region, (ListDatasetsRequest) request);
            case "CognitoSync:ListRecords" -> listRecords(region, (ListRecordsRequest) request);
            case "CognitoSync:UpdateRecords" -> dataset(call, ((UpdateRecordsRequest) request).identityPoolId(),
                    ((UpdateRecordsRequest) request).identityId(), ((UpdateRecordsRequest) request).datasetName());
            case "CognitoSync:DeleteDataset" -> dataset(call, ((DeleteDatasetRequest) request).identityPoolId(),
                    ((DeleteDatasetRequest) request).identityId(), ((DeleteDatasetRequest) request).datasetName());
            case "DynamoDb:DescribeTable" -> List.of(new Requirement("dynamodb:DescribeTable",
                    table(region, ((DescribeTableRequest) request).tableName())));
            case "DynamoDb:CreateTable" -> List.of(new Requirement("dynamodb:CreateTable",
                    table(region, ((CreateTableRequest) request).tableName())));
            case "DynamoDb:Query" -> query(region, (QueryRequest) request);
            case "DynamoDb:TransactWriteItems" -> ((TransactWriteItemsRequest) request).transactItems().stream()
                    .map(item -> transactWriteItem(region, item)).toList();
            case "AppSync:GetGraphqlApi" -> List.of(new Requirement("appsync:GetGraphqlApi",
                    "arn:aws:appsync:" + region + ":" + ACCOUNT + ":apis/" + ((GetGraphqlApiRequest) request).apiId()));
            case "AppSync:GetIntrospectionSchema", "AppSync:ListResolvers", "AppSync:ListFunctions",
                    "AppSync:ListDataSources", "AppSync:EvaluateCode" ->
                    List.of(new Requirement("appsync:" + call.operation(), "*"));
            default -> throw new AssertionError("the migrator called " + call.service() + " " + call.operation()
                    + ", which IamRequirements does not map to IAM actions yet: add it, with the resources AWS's "
                    + "Service Authorization Reference names for it");
        };
    }

    private static List<Requirement> identityPool(SdkCallRecorder.Call call, String pool) {
        return List.of(new Requirement("cognito-identity:" + call.operation(),
                "arn:aws:cognito-identity:" + call.region() + ":" + ACCOUNT + ":identitypool/" + pool));
    }

    private static List<Requirement> syncPool(SdkCallRecorder.Call call, String pool) {
        return List.of(new Requirement("cognito-sync:" + call.operation(), syncArn(call.region(), pool)));
    }

    private static List<Requirement> listDatasets(String region, ListDatasetsRequest request) {
        String identity = syncArn(region, request.identityPoolId()) + "/identity/" + request.identityId();
        return List.of(new Requirement("cognito-sync:ListDatasets", identity),
                new Requirement("cognito-sync:ListDatasets", identity + "/dataset/*"));
    }

    private static List<Requirement> listRecords(String region, ListRecordsRequest request) {
        return List.of(new Requirement("cognito-sync:ListRecords", syncArn(region, request.identityPoolId())
                + "/identity/" + request.identityId() + "/dataset/" + request.datasetName()));
    }

    private static List<Requirement> dataset(SdkCallRecorder.Call call, String pool, String identity, String name) {
        return List.of(new Requirement("cognito-sync:" + call.operation(), syncArn(call.region(), pool)
                + "/identity/" + identity + "/dataset/" + name));
    }

    private static String syncArn(String region, String pool) {
        return "arn:aws:cognito-sync:" + region + ":" + ACCOUNT + ":identitypool/" + pool;
    }

    private static List<Requirement> query(String region, QueryRequest request) {
        String resource = table(region, request.tableName());
        if (request.indexName() != null) {
            resource += "/index/" + request.indexName();
        }
        return List.of(new Requirement("dynamodb:Query", resource));
    }

    private static Requirement transactWriteItem(String region, TransactWriteItem item) {
        List<Requirement> one = new ArrayList<>();
        if (item.put() != null) {
            one.add(new Requirement("dynamodb:PutItem", table(region, item.put().tableName())));
        }
        if (item.update() != null) {
            one.add(new Requirement("dynamodb:UpdateItem", table(region, item.update().tableName())));
        }
        if (item.delete() != null) {
            one.add(new Requirement("dynamodb:DeleteItem", table(region, item.delete().tableName())));
        }
        if (item.conditionCheck() != null) {
            one.add(new Requirement("dynamodb:ConditionCheckItem", table(region, item.conditionCheck().tableName())));
        }
        if (one.size() != 1) {
            throw new AssertionError("a TransactWriteItem holds one action, not " + item);
        }
        return one.get(0);
    }

    static String table(String region, String name) {
        return "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name;
    }
}
