package io.crossdesk.platform.aggregate;

/**
 * Writes outside the aggregate's document that follow its state, such as claims on unique values
 * held elsewhere (an aggregate's deadlines are written in its own document: {@link
 * AggregateTimers}). {@link #before} runs before the aggregate is written, so a crash in between
 * leaves at worst something the new state did not need, which its reader must recognise; {@link
 * #after} runs once the write landed, to remove what only the old state needed; {@link #failed}
 * undoes {@link #before} when the write did not land.
 *
 * @param <A> the aggregate; {@code before} is null when the aggregate is new
 */
public interface SideWrites<A> {

  SideWrites<Object> NONE = new SideWrites<>() {};

  @SuppressWarnings("unchecked")
  static <A> SideWrites<A> none() {
    return (SideWrites<A>) NONE;
  }

  default void before(A before, A after) {}

  default void after(A before, A after) {}

  default void failed(A before, A after) {}
}
