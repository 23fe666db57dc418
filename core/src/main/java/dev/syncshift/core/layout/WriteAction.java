package dev.syncshift.core.layout;

/** One action of a TransactWriteItems: a put, a delete or a condition check, each on one item of the table. */
public sealed interface WriteAction permits PutAction, DeleteAction, CheckAction {
}
