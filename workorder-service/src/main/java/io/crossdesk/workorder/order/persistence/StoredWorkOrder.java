package io.crossdesk.workorder.order.persistence;

import io.crossdesk.workorder.order.domain.WorkOrder;

/** A work order and the version it was read at, which its next write must still find. */
public record StoredWorkOrder(WorkOrder order, long version) {}
