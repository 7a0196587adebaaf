package io.crossdesk.analytics.kpi;

import io.crossdesk.analytics.kpi.domain.Counter;
import io.crossdesk.analytics.kpi.domain.CounterValue;
import io.crossdesk.analytics.kpi.domain.Dimension;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One counter as stored. Beside its count the document keeps the ids of the last events that moved
 * it ({@code recentEvents}, written by {@link CounterStore} only), so a replayed event is
 * recognised in the same atomic update that would count it.
 */
@Document(CounterStore.COLLECTION)
record CounterDocument(@Id String id, Dimension dimension, String key, long count) {

  CounterValue toValue() {
    return new CounterValue(new Counter(dimension, key), count);
  }
}
