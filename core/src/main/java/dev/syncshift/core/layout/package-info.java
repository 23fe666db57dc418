/**
 * The sync-store layout: how datasets and records become DynamoDB items. The migrator writes these items and the
 * AppSync resolvers ({@code graphql/resolvers}) read and write the same ones; {@link
 * dev.syncshift.core.layout.SyncStoreLayout} documents the whole layout in one place.
 *
 * <p>Layer: part of core. Depends on {@code dev.syncshift.core} and the JDK only (plus {@code MessageDigest} for the
 * SHA-256 of long keys); items are plain {@link dev.syncshift.core.layout.Item} maps, never SDK types.
 */
@NullMarked
package dev.syncshift.core.layout;

import org.jspecify.annotations.NullMarked;
