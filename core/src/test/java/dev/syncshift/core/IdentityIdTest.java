package dev.syncshift.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** AWS's refusal of an identity, in the words the emulator answers with and the clients recognise. */
class IdentityIdTest {

    private static final IdentityId ID = new IdentityId("us-east-1:11111111-2222-4333-8444-555555555555");
    private static final IdentityId OTHER = new IdentityId("us-east-1:11111111-2222-4333-8444-666666666666");

    @Test
    void theRefusalOfAnIdentityIsAwsText() {
        assertThat(ID.accessForbidden())
                .isEqualTo("Access to Identity 'us-east-1:11111111-2222-4333-8444-555555555555' is forbidden.");
    }

    @Test
    void theRefusalIsRecognisedInEitherCaseWithOrWithoutItsPeriodAndWhatTheSdkAppends() {
        assertThat(ID.isAccessForbidden(ID.accessForbidden())).isTrue();
        assertThat(ID.isAccessForbidden(ID.accessForbidden() + " (Service: CognitoSync, Status Code: 403)")).isTrue();
        assertThat(ID.isAccessForbidden("access to identity '" + ID + "' is forbidden")).isTrue();
    }

    @Test
    void anotherIdentitysRefusalOrAnyOtherTextIsNot() {
        assertThat(ID.isAccessForbidden(OTHER.accessForbidden())).isFalse();
        assertThat(ID.isAccessForbidden("Identity '" + ID + "' not found.")).isFalse();
        assertThat(ID.isAccessForbidden("Access to Identity '" + ID)).isFalse();
        assertThat(ID.isAccessForbidden(null)).isFalse();
    }
}
