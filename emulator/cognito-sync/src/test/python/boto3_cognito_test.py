"""A Python app's Cognito Identity, Cognito Sync and STS calls through boto3 against the emulator with strict auth.

Run by Boto3IT (python3 -m unittest), which starts the emulator and passes, in the environment:
  COGNITO_ENDPOINT   the emulator's endpoint, http://127.0.0.1:<port>
  DEVELOPER_KEY      a developer access key id strict auth accepts
  DEVELOPER_SECRET   its secret
Written as a boto3 user writes tests against the real services: no emulator-specific calls.
"""
import datetime
import os
import re
import unittest

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["COGNITO_ENDPOINT"]
NO_RETRIES = Config(retries={"mode": "standard", "max_attempts": 1})
# botocore's own checks off, so that a request arrives as a hand-built or other-language client's might
UNCHECKED = NO_RETRIES.merge(Config(parameter_validation=False))
GREETING = "Grüße, ☃ 日本語 🎉"
BAD_SIGNATURE = ("The request signature we calculated does not match the signature you provided. Check your AWS "
                 "Secret Access Key and signing method. Consult the service documentation for details.")


def client(service, key, secret, token=None, config=NO_RETRIES):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=key,
                        aws_secret_access_key=secret, aws_session_token=token, config=config)


def developer(service, secret=None, config=NO_RETRIES):
    return client(service, os.environ["DEVELOPER_KEY"], secret or os.environ["DEVELOPER_SECRET"], config=config)


def developer_pool(identity, name):
    """A new pool of developer-authenticated identities (provider login.boto3), no guests."""
    return identity.create_identity_pool(IdentityPoolName=name, AllowUnauthenticatedIdentities=False,
                                         DeveloperProviderName="login.boto3")["IdentityPoolId"]


class CognitoWithBoto3(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.pool = developer("cognito-identity").create_identity_pool(
            IdentityPoolName="boto3 pool", AllowUnauthenticatedIdentities=True)["IdentityPoolId"]
        cls.device = client("cognito-identity", "unused", "unused")

    def new_identity(self):
        """GetId and GetCredentialsForIdentity (unsigned in botocore's model), then a cognito-sync client."""
        identity_id = self.device.get_id(IdentityPoolId=self.pool)["IdentityId"]
        issued = self.device.get_credentials_for_identity(IdentityId=identity_id)
        credentials = issued["Credentials"]
        sync = client("cognito-sync", credentials["AccessKeyId"], credentials["SecretKey"],
                      credentials["SessionToken"])
        return identity_id, issued, sync

    def assert_error(self, call, code, status, message=None):
        with self.assertRaises(ClientError) as raised:
            call()
        error = raised.exception.response
        self.assertEqual(code, error["Error"]["Code"], error)
        self.assertEqual(status, error["ResponseMetadata"]["HTTPStatusCode"], error)
        if message is not None:
            self.assertEqual(message, error["Error"]["Message"], error)
        return raised.exception

    def test_get_id_and_credentials_for_identity(self):
        identity_id, issued, _ = self.new_identity()

        self.assertRegex(identity_id, r"^us-east-1:[0-9a-f-]{36}$")
        self.assertEqual(identity_id, issued["IdentityId"])
        credentials = issued["Credentials"]
        self.assertTrue(credentials["AccessKeyId"] and credentials["SecretKey"] and credentials["SessionToken"])
        self.assertIsInstance(credentials["Expiration"], datetime.datetime)
        self.assertIsNotNone(credentials["Expiration"].tzinfo)

    def test_a_dataset_from_first_sync_to_deletion(self):
        identity_id, _, sync = self.new_identity()
        where = {"IdentityPoolId": self.pool, "IdentityId": identity_id}
        signed = set()
        sync.meta.events.register("before-send.cognito-sync.*", lambda request, **_: signed.add(
            re.search(rb"SignedHeaders=([^,]+)", request.headers["Authorization"]).group(1).decode()))

        self.assertEqual([], sync.list_datasets(**where)["Datasets"])
        empty = sync.list_records(DatasetName="prefs", LastSyncCount=0, **where)
        self.assertFalse(empty["DatasetExists"])
        self.assertEqual([], empty["Records"])
        self.assertTrue(empty["SyncSessionToken"])

        pushed = sync.update_records(DatasetName="prefs", SyncSessionToken=empty["SyncSessionToken"],
                                     DeviceId="python-device", RecordPatches=[
                                         {"Op": "replace", "Key": "theme", "Value": "dark", "SyncCount": 0},
                                         {"Op": "replace", "Key": "greeting", "Value": GREETING, "SyncCount": 0,
                                          "DeviceLastModifiedDate": datetime.datetime(2024, 5, 1, 12, 30,
                                                                                      tzinfo=datetime.timezone.utc)}],
                                     **where)["Records"]
        self.assertEqual({("theme", "dark", 1), ("greeting", GREETING, 1)},
                         {(r["Key"], r["Value"], r["SyncCount"]) for r in pushed})

        listed = sync.list_records(DatasetName="prefs", LastSyncCount=0, **where)
        self.assertTrue(listed["DatasetExists"])
        self.assertEqual(1, listed["DatasetSyncCount"])
        self.assertEqual(2, listed["Count"])
        greeting = next(r for r in listed["Records"] if r["Key"] == "greeting")
        self.assertEqual(GREETING, greeting["Value"])
        self.assertEqual(datetime.datetime(2024, 5, 1, 12, 30, tzinfo=datetime.timezone.utc),
                         greeting["DeviceLastModifiedDate"])
        self.assertIsInstance(greeting["LastModifiedDate"], datetime.datetime)

        dataset = sync.describe_dataset(DatasetName="prefs", **where)["Dataset"]
        self.assertEqual(2, dataset["NumRecords"])
        self.assertEqual(len("themedark".encode()) + len(("greeting" + GREETING).encode()), dataset["DataStorage"])
        self.assertIsInstance(dataset["CreationDate"], datetime.datetime)
        self.assertEqual(["prefs"], [d["DatasetName"] for d in sync.list_datasets(**where)["Datasets"]])

        self.assertEqual("prefs", sync.delete_dataset(DatasetName="prefs", **where)["Dataset"]["DatasetName"])
        self.assert_error(lambda: sync.describe_dataset(DatasetName="prefs", **where), "ResourceNotFoundException",
                          404, "Dataset 'prefs' not found.")
        self.assertEqual({"host;x-amz-date;x-amz-security-token", "content-type;host;x-amz-date;x-amz-security-token"},
                         signed, "botocore signs no content hash (content-type only with a body)")

    def test_a_stale_sync_count_is_a_conflict(self):
        identity_id, _, sync = self.new_identity()
        where = {"IdentityPoolId": self.pool, "IdentityId": identity_id, "DatasetName": "prefs"}
        token = sync.list_records(LastSyncCount=0, **where)["SyncSessionToken"]
        sync.update_records(SyncSessionToken=token, RecordPatches=[
            {"Op": "replace", "Key": "k", "Value": "1", "SyncCount": 0}], **where)

        token = sync.list_records(LastSyncCount=0, **where)["SyncSessionToken"]
        error = self.assert_error(lambda: sync.update_records(SyncSessionToken=token, RecordPatches=[
            {"Op": "replace", "Key": "k", "Value": "2", "SyncCount": 0}], **where), "ResourceConflictException", 409,
                                  "Current SyncCount for: k is: 1 not: 0")
        self.assertIsInstance(error, sync.exceptions.ResourceConflictException)

    def test_identity_pool_roles_set_and_read_back(self):
        identity = developer("cognito-identity")
        roles = {"authenticated": "arn:aws:iam::123456789012:role/Cognito_boto3Auth_Role",
                 "unauthenticated": "arn:aws:iam::123456789012:role/Cognito_boto3Unauth_Role"}
        identity.set_identity_pool_roles(IdentityPoolId=self.pool, Roles=roles)

        self.assertEqual(roles, identity.get_identity_pool_roles(IdentityPoolId=self.pool)["Roles"])
        self.assert_error(lambda: identity.set_identity_pool_roles(IdentityPoolId=self.pool,
                                                                   Roles={"admin": roles["authenticated"]}),
                          "InvalidParameterException", 400)
        self.assertEqual(roles, identity.get_identity_pool_roles(IdentityPoolId=self.pool)["Roles"])

    def test_errors_as_botocore_parses_them(self):
        identity_id, _, sync = self.new_identity()
        where = {"IdentityPoolId": self.pool, "IdentityId": identity_id}

        missing = self.assert_error(lambda: sync.describe_dataset(DatasetName="never-written", **where),
                                    "ResourceNotFoundException", 404)
        self.assertIsInstance(missing, sync.exceptions.ResourceNotFoundException)
        bad_name = self.assert_error(lambda: sync.list_records(DatasetName="a/b", **where),
                                     "InvalidParameterException", 400)
        self.assertIn("Member must satisfy regular expression pattern: [a-zA-Z0-9_.:-]+",
                      bad_name.response["Error"]["Message"])
        self.assertIsInstance(bad_name, sync.exceptions.InvalidParameterException)
        other, _, _ = self.new_identity()
        self.assert_error(lambda: sync.list_datasets(IdentityPoolId=self.pool, IdentityId=other),
                          "NotAuthorizedException", 403, "Access to Identity '" + other + "' is forbidden.")
        # Cognito Identity (AWS JSON 1.1): the type in the body's __type and in x-amzn-ErrorType, with a trailing colon
        identity = developer("cognito-identity")
        unknown = "us-east-1:00000000-0000-4000-8000-0000000000ff"
        gone = self.assert_error(lambda: identity.describe_identity_pool(IdentityPoolId=unknown),
                                 "ResourceNotFoundException", 400)
        self.assertIsInstance(gone, identity.exceptions.ResourceNotFoundException)

    def test_a_deleted_identity_is_not_found(self):
        identity_id, _, _ = self.new_identity()
        identity = developer("cognito-identity")

        deleted = identity.delete_identities(IdentityIdsToDelete=[identity_id])

        self.assertEqual([], deleted["UnprocessedIdentityIds"])
        gone = self.assert_error(lambda: identity.describe_identity(IdentityId=identity_id),
                                 "ResourceNotFoundException", 400, "Identity '" + identity_id + "' not found.")
        self.assertIsInstance(gone, identity.exceptions.ResourceNotFoundException)

    def test_a_merged_identity_stays_listed_disabled_and_is_refused_credentials(self):
        identity = developer("cognito-identity")
        pool = developer_pool(identity, "boto3 merges")
        alice, bob = (identity.get_open_id_token_for_developer_identity(
            IdentityPoolId=pool, Logins={"login.boto3": user})["IdentityId"] for user in ("alice", "bob"))

        survivor = identity.merge_developer_identities(
            SourceUserIdentifier="bob", DestinationUserIdentifier="alice", DeveloperProviderName="login.boto3",
            IdentityPoolId=pool)["IdentityId"]

        def listed(**hide):
            page = identity.list_identities(IdentityPoolId=pool, MaxResults=60, **hide)
            return sorted(description["IdentityId"] for description in page["Identities"])

        self.assertEqual(alice, survivor)
        self.assertEqual([], identity.describe_identity(IdentityId=bob).get("Logins", []))
        self.assertEqual(sorted([alice, bob]), listed())
        self.assertEqual([alice], listed(HideDisabled=True))
        refused = self.assert_error(lambda: self.device.get_credentials_for_identity(IdentityId=bob),
                                    "NotAuthorizedException", 400, "Access to Identity '" + bob + "' is forbidden.")
        self.assertIsInstance(refused, identity.exceptions.NotAuthorizedException)

    def test_unlinking_one_of_two_logins_keeps_the_other_and_the_removed_one_is_a_new_identity(self):
        identity = developer("cognito-identity")
        pool = developer_pool(identity, "boto3 unlinks")
        facebook, google = {"graph.facebook.com": "fb-boto3"}, {"accounts.google.com": "g-boto3"}
        linked = self.device.get_id(IdentityPoolId=pool, Logins={**facebook, **google})["IdentityId"]
        developer_user = identity.get_open_id_token_for_developer_identity(
            IdentityPoolId=pool, Logins={"login.boto3": "carol"})["IdentityId"]

        self.device.unlink_identity(IdentityId=linked, Logins=facebook, LoginsToRemove=["accounts.google.com"])

        self.assertEqual(["graph.facebook.com"], identity.describe_identity(IdentityId=linked)["Logins"])
        self.assertNotEqual(linked, self.device.get_id(IdentityPoolId=pool, Logins=google)["IdentityId"])
        found = identity.lookup_developer_identity(IdentityPoolId=pool, IdentityId=developer_user, MaxResults=10)
        self.assertEqual(developer_user, found["IdentityId"])
        self.assertEqual(["carol"], found["DeveloperUserIdentifierList"])
        refused = self.assert_error(
            lambda: self.device.unlink_identity(IdentityId=linked, Logins=facebook, LoginsToRemove=["www.amazon.com"]),
            "ResourceConflictException", 400, "Login 'www.amazon.com' is not linked to Identity '" + linked + "'.")
        self.assertIsInstance(refused, identity.exceptions.ResourceConflictException)

    def test_lookups_and_unlinks_botocore_would_refuse_get_the_services_own_errors(self):
        identity = developer("cognito-identity")
        unchecked = developer("cognito-identity", config=UNCHECKED)
        pool = developer_pool(identity, "boto3 unchecked")
        facebook = {"graph.facebook.com": "fb-unchecked"}
        carol = identity.get_open_id_token_for_developer_identity(
            IdentityPoolId=pool, Logins={"login.boto3": "carol"})["IdentityId"]
        linked = self.device.get_id(IdentityPoolId=pool, Logins=facebook)["IdentityId"]
        constraint = "1 validation error detected: Value {} at '{}' failed to satisfy constraint: Member must {}"

        for call, code, message in [
                (lambda: unchecked.lookup_developer_identity(IdentityPoolId=pool, IdentityId=carol, MaxResults=0),
                 "InvalidParameterException", constraint.format("'0'", "maxResults",
                                                                "have value greater than or equal to 1")),
                (lambda: unchecked.lookup_developer_identity(IdentityPoolId=pool, IdentityId=carol, MaxResults="ten"),
                 "SerializationException", None),
                (lambda: unchecked.lookup_developer_identity(IdentityPoolId=pool),
                 "InvalidParameterException", "Either IdentityId or DeveloperUserIdentifier must be provided."),
                (lambda: unchecked.unlink_developer_identity(IdentityPoolId=pool, IdentityId=carol,
                                                             DeveloperProviderName="login.boto3",
                                                             DeveloperUserIdentifier=""),
                 "InvalidParameterException", constraint.format("''", "developerUserIdentifier",
                                                                "have length greater than or equal to 1")),
                (lambda: unchecked.unlink_developer_identity(IdentityPoolId=pool, IdentityId=carol,
                                                             DeveloperProviderName=None,
                                                             DeveloperUserIdentifier="carol"),
                 "InvalidParameterException", constraint.format("null", "developerProviderName", "not be null")),
                (lambda: unchecked.unlink_identity(IdentityId=linked, Logins=facebook, LoginsToRemove=[None]),
                 "InvalidParameterException", constraint.format("null", "loginsToRemove.1.member", "not be null")),
                (lambda: unchecked.unlink_identity(IdentityId=linked, Logins={"graph.facebook.com": 5},
                                                   LoginsToRemove=["graph.facebook.com"]),
                 "SerializationException", None)]:
            with self.subTest(code=code, message=message):
                self.assert_error(call, code, 400, message)

        found = identity.lookup_developer_identity(IdentityPoolId=pool, IdentityId=carol, MaxResults=10)
        self.assertEqual(["carol"], found["DeveloperUserIdentifierList"])
        self.assertEqual(["graph.facebook.com"], identity.describe_identity(IdentityId=linked)["Logins"])

    def test_a_wrong_secret_key_is_refused_as_an_invalid_signature(self):
        sync = developer("cognito-sync", secret="not-the-secret")
        identity = developer("cognito-identity", secret="not-the-secret")

        self.assert_error(lambda: sync.list_identity_pool_usage(MaxResults=5), "InvalidSignatureException", 403,
                          BAD_SIGNATURE)
        self.assert_error(lambda: identity.list_identities(IdentityPoolId=self.pool, MaxResults=5),
                          "InvalidSignatureException", 403, BAD_SIGNATURE)

    def test_list_identity_pools_paginator(self):
        identity = developer("cognito-identity")
        if not identity.can_paginate("list_identity_pools"):
            self.skipTest("botocore " + botocore.__version__ + " defines no paginator for ListIdentityPools")
        pools = [p["IdentityPoolId"] for page in identity.get_paginator("list_identity_pools").paginate(
            PaginationConfig={"PageSize": 1}) for p in page["IdentityPools"]]
        self.assertIn(self.pool, pools)
        self.assertEqual(len(pools), len(set(pools)))

    def test_list_records_pages_with_next_token(self):
        # botocore defines no cognito-sync paginator: boto3 users follow NextToken by hand
        identity_id, _, sync = self.new_identity()
        where = {"IdentityPoolId": self.pool, "IdentityId": identity_id, "DatasetName": "paged"}
        self.assertFalse(sync.can_paginate("list_records"), "botocore now paginates cognito-sync: use it here")
        token = sync.list_records(**where)["SyncSessionToken"]
        sync.update_records(SyncSessionToken=token, RecordPatches=[
            {"Op": "replace", "Key": "k%d" % i, "Value": "v", "SyncCount": 0} for i in range(5)], **where)

        keys, pages, page = [], 0, {}
        while pages == 0 or "NextToken" in page:
            page = sync.list_records(MaxResults=2, **where, **({"NextToken": page["NextToken"]} if pages else {}))
            keys += [r["Key"] for r in page["Records"]]
            pages += 1
        self.assertEqual(3, pages)
        self.assertEqual(["k%d" % i for i in range(5)], sorted(keys))


class StsWithBoto3(unittest.TestCase):
    """STS as a profile with role_arn or web identity (EKS) uses it: the credentials it gives act as a developer."""

    ROLE = "arn:aws:iam::123456789012:role/syncshift-migrator"

    def assert_developer(self, credentials):
        sync = client("cognito-sync", credentials["AccessKeyId"], credentials["SecretAccessKey"],
                      credentials["SessionToken"])
        self.assertEqual(200, sync.list_identity_pool_usage(MaxResults=5)["ResponseMetadata"]["HTTPStatusCode"])

    def test_assume_role_signed_by_a_developer(self):
        assumed = developer("sts").assume_role(RoleArn=self.ROLE, RoleSessionName="boto3-session",
                                               DurationSeconds=900)
        credentials = assumed["Credentials"]
        self.assertTrue(credentials["AccessKeyId"].startswith("ASIA"))
        left = credentials["Expiration"] - datetime.datetime.now(datetime.timezone.utc)
        self.assertTrue(datetime.timedelta(minutes=14) < left <= datetime.timedelta(minutes=15), left)
        self.assertEqual("arn:aws:sts::123456789012:assumed-role/syncshift-migrator/boto3-session",
                         assumed["AssumedRoleUser"]["Arn"])
        self.assert_developer(credentials)

    def test_assume_role_with_web_identity_unsigned(self):
        sts = client("sts", "unused", "unused")
        token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib3RvMyJ9.c2ln"
        assumed = sts.assume_role_with_web_identity(RoleArn=self.ROLE, RoleSessionName="pod",
                                                    WebIdentityToken=token)
        self.assert_developer(assumed["Credentials"])

    def test_get_caller_identity_names_who_signed(self):
        self.assertEqual("arn:aws:iam::123456789012:root", developer("sts").get_caller_identity()["Arn"])
        assumed = developer("sts").assume_role(RoleArn=self.ROLE, RoleSessionName="who-am-i")
        credentials = assumed["Credentials"]
        caller = client("sts", credentials["AccessKeyId"], credentials["SecretAccessKey"],
                        credentials["SessionToken"]).get_caller_identity()
        self.assertEqual(assumed["AssumedRoleUser"]["Arn"], caller["Arn"])
        self.assertEqual(assumed["AssumedRoleUser"]["AssumedRoleId"], caller["UserId"])
        self.assertEqual("123456789012", caller["Account"])

    def test_errors_as_botocore_parses_them(self):
        sts = developer("sts")
        with self.assertRaises(ClientError) as raised:
            sts.assume_role(RoleArn=self.ROLE, RoleSessionName="has space")
        self.assertEqual("ValidationError", raised.exception.response["Error"]["Code"])
        self.assertEqual(400, raised.exception.response["ResponseMetadata"]["HTTPStatusCode"])
        with self.assertRaises(ClientError) as raised:
            developer("sts", secret="not-the-secret").assume_role(RoleArn=self.ROLE, RoleSessionName="s1")
        self.assertEqual("SignatureDoesNotMatch", raised.exception.response["Error"]["Code"])
        with self.assertRaises(ClientError) as raised:
            client("sts", "unused", "unused").assume_role_with_web_identity(
                RoleArn=self.ROLE, RoleSessionName="pod", WebIdentityToken="not a jwt")
        self.assertEqual("InvalidIdentityToken", raised.exception.response["Error"]["Code"])


if __name__ == "__main__":
    unittest.main()
