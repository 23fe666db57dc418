package dev.syncshift.core.layout;

/**
 * The few DynamoDB attribute types the sync store uses: {@code S}, {@code N} (always an integer here) and
 * {@code BOOL}. An adapter maps them one to one onto its SDK's attribute values; core itself knows no SDK.
 */
public sealed interface AttributeValue permits StringAttribute, NumberAttribute, BooleanAttribute {

    /** The bytes this value counts toward DynamoDB's 400 KB item size (the attribute name not included). */
    long sizeBytes();
}
