// Makes the three mongo containers one replica set (rs0) the first time; later starts find it made.
try {
  rs.status();
  print("replica set rs0 exists");
} catch (notYet) {
  rs.initiate({
    _id: "rs0",
    members: [
      { _id: 0, host: "mongo-1:27017" },
      { _id: 1, host: "mongo-2:27017" },
      { _id: 2, host: "mongo-3:27017" },
    ],
  });
  print("replica set rs0 initiated");
}
