package io.popoto.sql.calcite;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/** Relational expressions evaluated by reading Popoto's Redis structures. */
public interface PopotoRel extends RelNode {
  Convention CONVENTION = new Convention.Impl("POPOTO", PopotoRel.class);
}
