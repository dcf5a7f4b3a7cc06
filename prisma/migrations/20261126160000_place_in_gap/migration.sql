-- Moves an action point into a gap of a column if the gap is still as the caller
-- read it: both neighbours (when given) hold the ranks read, and nothing but the
-- action point itself lies between them. Writers of one column take turns on the
-- Column row (FOR NO KEY UPDATE, as every rank writer does); the gap is checked
-- after the lock by a statement of its own, which in a VOLATILE function sees what
-- committed meanwhile. Returns false, writing nothing, when the column is not on
-- the board, the action point is not on the board or the gap changed; raises no
-- unique violation (a rank inside an unchanged gap is free), so a surrounding
-- transaction stays usable.
CREATE FUNCTION ap_place_in_gap(
  p_action_point uuid, p_board uuid, p_column uuid, p_rank text,
  p_lo text, p_lo_id uuid, p_hi text, p_hi_id uuid
) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM "Column" WHERE "id" = p_column AND "boardId" = p_board FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  UPDATE "ActionPointBoardAssociation" AS a
     SET "columnId" = p_column, "rank" = p_rank, "updatedAt" = now()
   WHERE a."actionPointId" = p_action_point AND a."boardId" = p_board
     AND (p_lo_id IS NULL OR EXISTS (
          SELECT 1 FROM "ActionPointBoardAssociation" o
           WHERE o."columnId" = p_column AND o."actionPointId" = p_lo_id AND o."rank" = p_lo))
     AND (p_hi_id IS NULL OR EXISTS (
          SELECT 1 FROM "ActionPointBoardAssociation" o
           WHERE o."columnId" = p_column AND o."actionPointId" = p_hi_id AND o."rank" = p_hi))
     AND NOT EXISTS (
          SELECT 1 FROM "ActionPointBoardAssociation" o
           WHERE o."columnId" = p_column AND o."actionPointId" <> p_action_point
             AND (p_lo IS NULL OR o."rank" > p_lo)
             AND (p_hi IS NULL OR o."rank" < p_hi));
  RETURN FOUND;
END;
$$;
