"""syncshift's AppSync API through boto3/botocore, as Python code calls AppSync with IAM.

Control plane through boto3.client('appsync'); the GraphQL endpoint signed by botocore's own SigV4Auth with a
Cognito identity's temporary credentials (session token), sent with urllib. Run by graphql's Boto3IT
(python3 -m unittest), which starts the emulator and passes, in the environment:
  APPSYNC_GRAPHQL    the GraphQL endpoint, http://127.0.0.1:<port>/graphql
  APPSYNC_CONTROL    the control-plane endpoint, http://127.0.0.1:<port>
  APPSYNC_API_ID     the API's id
  OPERATOR_KEY, OPERATOR_SECRET    an IAM caller the emulator knows
  DEVICE             {"accessKeyId", "secretAccessKey", "sessionToken", "identityId"} of a Cognito identity
  SCHEMA_OUT         where to write the SDL GetIntrospectionSchema answered, for the Java side to compare
"""
import json
import os
import pathlib
import re
import unittest
import urllib.error
import urllib.request

import boto3
import botocore
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

ENV = os.environ
MODULE = pathlib.Path(__file__).resolve().parents[2]
NO_RETRIES = Config(retries={"mode": "standard", "max_attempts": 1})
OPERATIONS = (MODULE / "operations.graphql").read_text(encoding="utf-8")
GREETING = "Grüße, ☃ 日本語 🎉"
REQUEST_ID = r"^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$"


def root_fields(sdl, type_name):
    """The field names of a root type: descriptions, comments and argument lists removed."""
    bare = re.sub(r'"""[\s\S]*?"""|"[^"\n]*"|#[^\n]*', "", sdl)
    body = re.search(r"type " + type_name + r"\b[^{]*\{([^}]*)\}", bare).group(1)
    return sorted(re.findall(r"(\w+)\s*:", re.sub(r"\([^)]*\)", "", body)))


def device_credentials():
    """The identity id and temporary credentials of a device, as GetCredentialsForIdentity issued them."""
    device = json.loads(ENV["DEVICE"])
    return device["identityId"], Credentials(device["accessKeyId"], device["secretAccessKey"], device["sessionToken"])


def graphql(operation, variables, credentials=None, sign=True):
    """POSTs one operation of operations.graphql, signed by botocore's SigV4Auth; answers (status, body)."""
    request = AWSRequest(method="POST", url=ENV["APPSYNC_GRAPHQL"], headers={"Content-Type": "application/json"},
                         data=json.dumps({"query": OPERATIONS, "operationName": operation,
                                                    "variables": variables}).encode("utf-8"))
    if sign:
        SigV4Auth(credentials, "appsync", "us-east-1").add_auth(request)
    prepared = request.prepare()
    sent = urllib.request.Request(prepared.url, data=prepared.body, headers=dict(prepared.headers), method="POST")
    try:
        with urllib.request.urlopen(sent, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as refused:
        return refused.code, json.load(refused)


class ControlPlane(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.appsync = boto3.client("appsync", endpoint_url=ENV["APPSYNC_CONTROL"], region_name="us-east-1",
                                   aws_access_key_id=ENV["OPERATOR_KEY"],
                                   aws_secret_access_key=ENV["OPERATOR_SECRET"], config=NO_RETRIES)
        cls.api_id = ENV["APPSYNC_API_ID"]

    def test_get_graphql_api_is_aws_iam_and_names_its_request(self):
        answer = self.appsync.get_graphql_api(apiId=self.api_id)
        api = answer["graphqlApi"]

        self.assertEqual(self.api_id, api["apiId"])
        self.assertEqual("AWS_IAM", api["authenticationType"])
        self.assertRegex(answer["ResponseMetadata"]["RequestId"], REQUEST_ID)

    def test_get_introspection_schema_declares_every_root_field(self):
        schema = self.appsync.get_introspection_schema(apiId=self.api_id, format="SDL")["schema"]
        sdl = (schema if isinstance(schema, bytes) else schema.read()).decode("utf-8")

        pathlib.Path(ENV["SCHEMA_OUT"]).write_text(sdl, encoding="utf-8")
        deployed = (MODULE / "schema.graphql").read_text(encoding="utf-8")
        for type_name in ("Query", "Mutation", "Subscription"):
            self.assertEqual(root_fields(deployed, type_name), root_fields(sdl, type_name), type_name)

    def test_list_resolvers_pages_through_every_root_field(self):
        deployed = (MODULE / "schema.graphql").read_text(encoding="utf-8")
        for type_name in ("Query", "Mutation", "Subscription"):
            pages = self.appsync.get_paginator("list_resolvers").paginate(
                apiId=self.api_id, typeName=type_name, PaginationConfig={"PageSize": 2})
            resolvers = [r for page in pages for r in page["resolvers"]]

            self.assertEqual(root_fields(deployed, type_name), sorted(r["fieldName"] for r in resolvers))
            self.assertEqual({"APPSYNC_JS"}, {r["runtime"]["name"] for r in resolvers}, type_name)

    def test_evaluate_code_runs_a_resolver_file(self):
        if "evaluate_code" not in dir(self.appsync):
            self.skipTest("botocore " + botocore.__version__ + " has no AppSync EvaluateCode")
        answer = self.appsync.evaluate_code(
            runtime={"name": "APPSYNC_JS", "runtimeVersion": "1.0.0"},
            code=(MODULE / "resolvers/readIdentity.js").read_text(encoding="utf-8"), function="request",
            context=json.dumps({"arguments": {}, "stash": {"identityId": "us-east-1:boto3"}}))

        self.assertNotIn("error", answer)
        request = json.loads(answer["evaluationResult"])
        self.assertEqual("Query", request["operation"])
        self.assertEqual("I#us-east-1:boto3", request["query"]["expressionValues"][":pk"]["S"])

    def test_the_reads_an_operator_makes_describe_the_template(self):
        listed = self.appsync.list_graphql_apis()["graphqlApis"]
        sources = self.appsync.list_data_sources(apiId=self.api_id)["dataSources"]

        self.assertEqual([self.api_id], [api["apiId"] for api in listed])
        dynamodb = [source for source in sources if source["type"] == "AMAZON_DYNAMODB"]
        self.assertEqual(1, len(dynamodb), sources)
        # GetGraphqlApiEnvironmentVariables came to botocore after the version some Debian releases ship
        if "get_graphql_api_environment_variables" in dir(self.appsync):
            env = self.appsync.get_graphql_api_environment_variables(apiId=self.api_id)["environmentVariables"]
            self.assertEqual(env["SYNCSHIFT_TABLE"], dynamodb[0]["dynamodbConfig"]["tableName"])
        self.assertEqual(dynamodb[0], self.appsync.get_data_source(apiId=self.api_id,
                                                                   name=dynamodb[0]["name"])["dataSource"])
        resolver = self.appsync.get_resolver(apiId=self.api_id, typeName="Mutation", fieldName="syncDataset")
        function_id = resolver["resolver"]["pipelineConfig"]["functions"][0]
        function = self.appsync.get_function(apiId=self.api_id, functionId=function_id)["functionConfiguration"]
        self.assertEqual("authorize", function["name"])
        with self.assertRaises(self.appsync.exceptions.NotFoundException):
            self.appsync.get_resolver(apiId=self.api_id, typeName="Query", fieldName="nosuchfield")

    def test_types_and_tags_as_the_cli_lists_them(self):
        sdl, token = [], None
        while True:
            page = self.appsync.list_types(apiId=self.api_id, format="SDL", maxResults=2,
                                           **({"nextToken": token} if token else {}))
            sdl += page["types"]
            token = page.get("nextToken")
            if not token:
                break
        names = [t["name"] for t in sdl]
        query = self.appsync.get_type(apiId=self.api_id, typeName="Query", format="JSON")["type"]
        arn = self.appsync.get_graphql_api(apiId=self.api_id)["graphqlApi"]["arn"]

        self.assertEqual(sorted(names), names)
        self.assertTrue({"Query", "Mutation", "Subscription"} <= set(names), names)
        self.assertEqual(sdl[names.index("Query")], self.appsync.get_type(apiId=self.api_id, typeName="Query",
                                                                          format="SDL")["type"])
        self.assertEqual(arn + "/types/Query", query["arn"])
        self.assertEqual(root_fields((MODULE / "schema.graphql").read_text(encoding="utf-8"), "Query"),
                         sorted(f["name"] for f in json.loads(query["definition"])["fields"]))
        self.assertEqual({}, self.appsync.list_tags_for_resource(resourceArn=arn)["tags"])
        for call, code in ((lambda: self.appsync.get_type(apiId=self.api_id, typeName="Nope", format="SDL"),
                            "NotFoundException"),
                           (lambda: self.appsync.list_types(apiId=self.api_id, format="XML"), "BadRequestException"),
                           (lambda: self.appsync.list_types(apiId=self.api_id, format="SDL", maxResults=26),
                            "BadRequestException"),
                           (lambda: self.appsync.list_tags_for_resource(resourceArn=arn + "/types/Query"),
                            "BadRequestException"),
                           (lambda: self.appsync.list_tags_for_resource(resourceArn=arn[:-26] + "a" * 26),
                            "NotFoundException")):
            with self.assertRaises(botocore.exceptions.ClientError) as raised:
                call()
            self.assertEqual(code, raised.exception.response["Error"]["Code"])

    def test_an_unknown_api_is_not_found(self):
        with self.assertRaises(self.appsync.exceptions.NotFoundException) as raised:
            self.appsync.get_graphql_api(apiId="nosuchapi0000000000000000")

        self.assertEqual("NotFoundException", raised.exception.response["Error"]["Code"])
        self.assertEqual(404, raised.exception.response["ResponseMetadata"]["HTTPStatusCode"])
        self.assertRegex(raised.exception.response["ResponseMetadata"]["RequestId"], REQUEST_ID)


class GraphQlSignedByBotocore(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.identity_id, cls.credentials = device_credentials()

    def test_a_mutation_then_a_query_reading_it_back(self):
        patches = [{"op": "replace", "key": "theme", "value": "dark", "syncCount": 0},
                   {"op": "replace", "key": "greeting", "value": GREETING, "syncCount": 0}]
        status, pushed = graphql("UpdateRecords", {"datasetName": "python", "deviceId": "boto3",
                                                   "patches": patches}, self.credentials)
        self.assertEqual(200, status, pushed)
        self.assertNotIn("errors", pushed)
        change = pushed["data"]["updateRecords"]
        self.assertEqual((self.identity_id, "python", 1, False), (change["identityId"], change["datasetName"],
                                                                  change["datasetSyncCount"], change["deleted"]))

        status, listed = graphql("ListRecords", {"datasetName": "python", "lastSyncCount": 0}, self.credentials)
        self.assertEqual(200, status, listed)
        page = listed["data"]["listRecords"]
        self.assertTrue(page["datasetExists"])
        self.assertEqual(1, page["datasetSyncCount"])
        self.assertEqual({("theme", "dark", 1), ("greeting", GREETING, 1)},
                         {(r["key"], r["value"], r["syncCount"]) for r in page["records"]})

    def test_a_stale_count_is_a_graphql_error(self):
        patch = {"datasetName": "conflict", "patches": [{"op": "replace", "key": "k", "value": "v", "syncCount": 0}]}
        graphql("UpdateRecords", patch, self.credentials)

        status, answer = graphql("UpdateRecords", patch, self.credentials)

        self.assertEqual(200, status, answer)
        self.assertIsNone(answer["data"])
        self.assertEqual("ResourceConflictException", answer["errors"][0]["errorType"])

    def first_token(self, dataset):
        """The nextToken of a one-record page of a dataset of the device's holding two records."""
        patches = [{"op": "replace", "key": key, "value": key, "syncCount": 0} for key in ("a", "b")]
        self.assertNotIn("errors", graphql("UpdateRecords", {"datasetName": dataset, "patches": patches},
                                           self.credentials)[1])
        status, page = graphql("ListRecords", {"datasetName": dataset, "lastSyncCount": 0, "limit": 1},
                               self.credentials)
        self.assertEqual(200, status, page)
        return page["data"]["listRecords"]["nextToken"]

    def assert_invalid(self, answer, message):
        status, body = answer
        self.assertEqual(200, status, body)
        self.assertIsNone(body["data"])
        self.assertEqual("InvalidParameterException", body["errors"][0]["errorType"], body)
        self.assertEqual(message, body["errors"][0]["message"])

    def test_a_next_token_not_returned_for_this_dataset_is_invalid(self):
        token = self.first_token("tokens")
        other = self.first_token("tokens-other")
        message = ("1 validation error detected: Value '{}' at 'nextToken' failed to satisfy constraint: "
                   "Member must be a token returned by this API")

        self.assert_invalid(graphql("ListRecords", {"datasetName": "tokens", "lastSyncCount": 0, "limit": 1,
                                                    "nextToken": other}, self.credentials), message.format(other))
        self.assert_invalid(graphql("ListRecords", {"datasetName": "tokens", "lastSyncCount": 0, "limit": 1,
                                                    "nextToken": "not-a-token"}, self.credentials),
                            message.format("not-a-token"))
        graphql("DeleteDataset", {"datasetName": "tokens"}, self.credentials)
        self.first_token("tokens")
        self.assert_invalid(graphql("ListRecords", {"datasetName": "tokens", "lastSyncCount": 0, "limit": 1,
                                                    "nextToken": token}, self.credentials), message.format(token))

    def test_a_dataset_name_over_128_characters_gets_cognitos_length_message(self):
        name = "d" * 129

        self.assert_invalid(graphql("ListRecords", {"datasetName": name, "lastSyncCount": 0}, self.credentials),
                            "1 validation error detected: Value '" + name + "' at 'datasetName' failed to satisfy "
                            "constraint: Member must have length less than or equal to 128")

    def test_unsigned_and_badly_signed_requests_are_unauthorized(self):
        variables = {"datasetName": "python", "lastSyncCount": 0}
        wrong_secret = Credentials(self.credentials.access_key, "not-the-secret", self.credentials.token)
        without_token = Credentials(self.credentials.access_key, self.credentials.secret_key)

        for name, status, answer in (("unsigned", *graphql("ListRecords", variables, sign=False)),
                                     ("wrong secret", *graphql("ListRecords", variables, wrong_secret)),
                                     ("no session token", *graphql("ListRecords", variables, without_token))):
            self.assertEqual(401, status, name)
            self.assertEqual(["UnauthorizedException"], [e["errorType"] for e in answer["errors"]], name)
        self.assertEqual("Valid authorization header not provided.",
                         graphql("ListRecords", variables, sign=False)[1]["errors"][0]["message"])


if __name__ == "__main__":
    unittest.main()
