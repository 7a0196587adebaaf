#!/bin/bash
# Creates Crossdesk's topics and their dead-letter topics once the brokers answer; topics that
# exist are left as they are. Business topics: 6 partitions (the most instances of one consumer
# group that share the work), replication factor 3, min.insync.replicas 2, kept 14 days, longer
# than the processed-event retention (8 days). The topics analytics rebuilds its figures from are
# kept for good (docs/operations.md). Dead-letter topics: 1 partition, kept 30 days.
set -euo pipefail
BOOTSTRAP=${BOOTSTRAP:-kafka-1:9092}
TOPICS="crossdesk.customers crossdesk.tickets crossdesk.workorders crossdesk.notifications crossdesk.surveys crossdesk.analytics crossdesk.intake crossdesk.workorder-results"
KEPT_FOR_GOOD="crossdesk.customers crossdesk.tickets crossdesk.workorders"
KT=/opt/kafka/bin/kafka-topics.sh
until $KT --bootstrap-server "$BOOTSTRAP" --list >/dev/null 2>&1; do sleep 2; done
for topic in $TOPICS; do
  retention=1209600000
  case " $KEPT_FOR_GOOD " in *" $topic "*) retention=-1 ;; esac
  $KT --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
    --partitions 6 --replication-factor 3 \
    --config min.insync.replicas=2 --config retention.ms=$retention
  $KT --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic.dlt" \
    --partitions 1 --replication-factor 3 \
    --config min.insync.replicas=2 --config retention.ms=2592000000
done
$KT --bootstrap-server "$BOOTSTRAP" --list
