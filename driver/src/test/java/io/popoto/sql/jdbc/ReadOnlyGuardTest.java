package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ReadOnlyGuardTest {
  @Test
  void classifiesWritesParsedOrNot() throws Exception {
    assertEquals("INSERT", ReadOnlyGuard.writeKind("insert into t values (1)"));
    assertEquals("UPSERT", ReadOnlyGuard.writeKind("UPSERT INTO t VALUES (1)"));
    assertEquals("UPDATE", ReadOnlyGuard.writeKind("update t set a = 1"));
    assertEquals("DELETE", ReadOnlyGuard.writeKind("/* c */ -- x\n delete from t"));
    assertEquals("MERGE", ReadOnlyGuard.writeKind(
        "merge into t using s on t.a = s.a when matched then update set a = 1"));
    assertEquals("CREATE", ReadOnlyGuard.writeKind("create table t (a int)"));
    assertEquals("DROP", ReadOnlyGuard.writeKind("drop table t"));
    assertEquals("ALTER", ReadOnlyGuard.writeKind("alter table t add b int"));
    assertEquals("TRUNCATE", ReadOnlyGuard.writeKind("truncate table t"));
  }

  @Test
  void queriesPass() throws Exception {
    assertNull(ReadOnlyGuard.writeKind("select * from \"Order\""));
    assertNull(ReadOnlyGuard.writeKind("(select 1) union (select 2)"));
    assertNull(ReadOnlyGuard.writeKind("explain plan for select 1"));
    assertNull(ReadOnlyGuard.writeKind("selec 1")); // a syntax error, reported by Calcite
    assertNull(ReadOnlyGuard.writeKind("select 'delete' from t"));
  }
}
