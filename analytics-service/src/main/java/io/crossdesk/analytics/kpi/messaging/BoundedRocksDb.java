package io.crossdesk.analytics.kpi.messaging;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of all the engine's RocksDB stores together, outside the Java heap: one block
 * cache of {@value #TOTAL_BYTES} bytes that the write buffers are counted against too. Without it
 * each store takes its own cache and buffers, several times this much for six stores.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

  static final long TOTAL_BYTES = 32L * 1024 * 1024;
  private static final long WRITE_BUFFER_BYTES = 8L * 1024 * 1024;

  private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
  private static final WriteBufferManager WRITE_BUFFERS =
      new WriteBufferManager(WRITE_BUFFER_BYTES, CACHE);

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(CACHE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(WRITE_BUFFERS);
    options.setMaxWriteBufferNumber(2);
    options.setWriteBufferSize(WRITE_BUFFER_BYTES / 4);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager are shared by every store and live as long as the JVM.
  }
}
