/**
 * statussync.transport=kafka (§9, docs/scaling.md): the intakes publish validated batches to a topic, a consumer
 * group of delivery workers sends them through the same deliver-batch route and publishes their outcomes, and an
 * outcome collector folds each input's outcomes into its receipt and dead-letter files with the outcome stage's own
 * ledger. The messages ({@link com.expresschat.statussync.transport.PublishedBatch},
 * {@link com.expresschat.statussync.transport.InputEvent}) are Jackson JSON.
 */
package com.expresschat.statussync.transport;
