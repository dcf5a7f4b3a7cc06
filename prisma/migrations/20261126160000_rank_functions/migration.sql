-- Ranked lists in SQL, so that a move can be done in one statement (see
-- moveInOneStatement in packages/db/src/ranks.ts).
--
-- Lexorank: ap_rank_between(a, b) returns exactly what between(a, b) of packages/core/src/lexorank.ts returns (a NULL:
-- before everything, b NULL: after everything), or NULL when a >= b. A rank is the
-- digits (0-9a-z) of a base-36 fraction without trailing zeros; ranks compare
-- byte-wise (COLLATE "C"), as lexorank.ts compares them.

-- The value of digit n (0-based) of a rank, 0 past its end.
CREATE FUNCTION ap_rank_digit(s text, n integer) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE WHEN n < length(s) THEN strpos('0123456789abcdefghijklmnopqrstuvwxyz', substr(s, n + 1, 1)) - 1 ELSE 0 END
$$;

-- The shortest fraction strictly between a ('' = 0) and b (NULL = 1), taking the
-- middle digit where there is room (lexorank.ts midpoint, its recursion as a loop).
CREATE FUNCTION ap_rank_midpoint(a text, b text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  digits CONSTANT text := '0123456789abcdefghijklmnopqrstuvwxyz';
  prefix text := '';
  n integer;
  da integer;
  db integer;
BEGIN
  LOOP
    IF b IS NOT NULL THEN
      -- A common prefix (a padded with zeros) stays.
      n := 0;
      WHILE n < length(b) AND ap_rank_digit(a, n) = ap_rank_digit(b, n) LOOP
        n := n + 1;
      END LOOP;
      IF n > 0 THEN
        prefix := prefix || substr(b, 1, n);
        a := substr(a, n + 1);
        b := substr(b, n + 1);
        CONTINUE;
      END IF;
    END IF;
    da := ap_rank_digit(a, 0);
    db := CASE WHEN b IS NOT NULL THEN ap_rank_digit(b, 0) ELSE 36 END;
    IF db - da > 1 THEN
      RETURN prefix || substr(digits, (da + db + 1) / 2 + 1, 1);
    END IF;
    -- Consecutive first digits: b's first digit alone is already above a when b has more.
    IF b IS NOT NULL AND length(b) > 1 THEN
      RETURN prefix || substr(b, 1, 1);
    END IF;
    prefix := prefix || substr(digits, da + 1, 1);
    a := substr(a, 2);
    b := NULL;
  END LOOP;
END;
$$;

-- s truncated (or zero-padded) to 5 digits (lexorank.ts STEP_DEPTH), plus one unit
-- (dir = 1) or minus one unit (dir = -1); NULL on overflow or when it reaches zero.
CREATE FUNCTION ap_rank_step(s text, dir integer) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  digits CONSTANT text := '0123456789abcdefghijklmnopqrstuvwxyz';
  d integer[];
  i integer;
  r text := '';
BEGIN
  FOR i IN 1..5 LOOP
    d[i] := ap_rank_digit(s, i - 1);
  END LOOP;
  i := 5;
  LOOP
    IF i < 1 THEN
      RETURN NULL;
    END IF;
    IF dir > 0 AND d[i] < 35 THEN
      d[i] := d[i] + 1;
      EXIT;
    END IF;
    IF dir < 0 AND d[i] > 0 THEN
      d[i] := d[i] - 1;
      EXIT;
    END IF;
    d[i] := CASE WHEN dir > 0 THEN 0 ELSE 35 END;
    i := i - 1;
  END LOOP;
  FOR i IN 1..5 LOOP
    r := r || substr(digits, d[i] + 1, 1);
  END LOOP;
  RETURN NULLIF(rtrim(r, '0'), '');
END;
$$;

CREATE FUNCTION ap_rank_between(a text, b text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  r text;
BEGIN
  IF a IS NOT NULL AND b IS NOT NULL AND a COLLATE "C" >= b COLLATE "C" THEN
    RETURN NULL;
  END IF;
  IF a IS NULL AND b IS NULL THEN
    RETURN ap_rank_midpoint('', NULL);
  END IF;
  IF b IS NULL THEN
    r := ap_rank_step(a, 1);
    IF r IS NOT NULL AND r COLLATE "C" > a COLLATE "C" AND length(r) <= length(a) + 5 THEN
      RETURN r;
    END IF;
    RETURN ap_rank_midpoint(a, NULL);
  END IF;
  IF a IS NULL THEN
    r := ap_rank_step(b, -1);
    IF r IS NOT NULL AND r COLLATE "C" < b COLLATE "C" THEN
      RETURN r;
    END IF;
    RETURN ap_rank_midpoint('', b);
  END IF;
  RETURN ap_rank_midpoint(a, b);
END;
$$;

-- Moves an action point into a gap of a column, at a rank inside it, if the gap is
-- still as the caller read it: both neighbours (when given) hold the ranks read,
-- and the next rank after the lower bound (other than the action point's own) is
-- the upper bound. Writers of one column take turns on the Column row (FOR NO KEY
-- UPDATE, as every rank writer does); the gap is checked after the lock by a
-- statement of its own, which in a VOLATILE function sees what committed
-- meanwhile. Returns false, writing nothing, when the column or the action point
-- is not on the board, the rank is outside the gap or the gap changed. Raises no
-- unique violation (a rank inside an unchanged gap is free), so a surrounding
-- transaction stays usable. Every lookup is an index probe on (columnId, rank),
-- whatever the parameters, so the plan cached for the function stays cheap: the
-- lock is held only briefly.
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
     AND (p_lo IS NULL OR p_rank > p_lo) AND (p_hi IS NULL OR p_rank < p_hi)
     AND (p_lo_id IS NULL OR EXISTS (
          SELECT 1 FROM "ActionPointBoardAssociation" o
           WHERE o."columnId" = p_column AND o."rank" = p_lo AND o."actionPointId" = p_lo_id))
     AND (p_hi_id IS NULL OR EXISTS (
          SELECT 1 FROM "ActionPointBoardAssociation" o
           WHERE o."columnId" = p_column AND o."rank" = p_hi AND o."actionPointId" = p_hi_id))
     AND (SELECT o."rank" FROM "ActionPointBoardAssociation" o
           WHERE o."columnId" = p_column AND o."rank" > coalesce(p_lo, '') AND o."actionPointId" <> p_action_point
           ORDER BY o."rank" LIMIT 1) IS NOT DISTINCT FROM p_hi;
  RETURN FOUND;
END;
$$;
