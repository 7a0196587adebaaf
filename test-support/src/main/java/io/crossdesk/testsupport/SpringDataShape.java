package io.crossdesk.testsupport;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * What Spring Data's converter writes for an object, as a reference for hand-written mappings that
 * must keep the stored shape documents had when the converter wrote them.
 */
public final class SpringDataShape {

  private static final MappingMongoConverter CONVERTER = converter();

  private SpringDataShape() {}

  /** The document Spring Data writes for {@code value}, without {@code _id} and {@code _class}. */
  public static Document of(Object value) {
    Document written = new Document();
    CONVERTER.write(value, written);
    written.remove("_id");
    written.remove("_class");
    return written;
  }

  /** What Spring Data reads from {@code stored} into {@code type}. */
  public static <T> T read(Class<T> type, Document stored) {
    return CONVERTER.read(type, stored);
  }

  private static MappingMongoConverter converter() {
    MongoCustomConversions conversions = new MongoCustomConversions(List.of());
    MongoMappingContext context = new MongoMappingContext();
    context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
    context.afterPropertiesSet();
    MappingMongoConverter converter =
        new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
    converter.setCustomConversions(conversions);
    converter.afterPropertiesSet();
    return converter;
  }
}
