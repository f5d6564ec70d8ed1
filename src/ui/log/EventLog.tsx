// The event log, like a network simulator's: time, where, what happened, the packet before and after
// each rewrite, and the kube-proxy chains that decided. Clicking a hop follows its packet on the graph
// and pauses there.
import { memo, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from "react";
import type { Lang } from "../../i18n/core";
import { useLang, useT } from "../../i18n/react";
import { usePlayground, usePlaygroundApi } from "../../store/context";
import { selectCluster, selectFollowedPacket, selectHopLog, selectLogFilter } from "../../store/selectors";
import type { PlaygroundStore } from "../../store/playgroundStore";
import { connectionColour } from "../../scene/palette";
import { formatSeconds, shortPlaceName } from "../format";
import { trafficSources } from "../controls/targets";
import { eventLogOf } from "./clusterEvents";
import { buildLogRows, MAX_ROWS, type EventRow, type HopRow, type PacketView } from "./logRows";

export function EventLog() {
  const t = useT();
  const { lang } = useLang();
  const api = usePlaygroundApi();
  const hops = usePlayground(selectHopLog);
  const filter = usePlayground(selectLogFilter);
  const followed = usePlayground(selectFollowedPacket);
  const log = eventLogOf(api);
  const events = useSyncExternalStore(log.subscribe, log.get);
  const rows = useMemo(() => buildLogRows(hops, events, filter, t), [hops, events, filter, t]);
  const list = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);

  // Stay at the newest row unless the person scrolled up to read.
  useLayoutEffect(() => {
    const el = list.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [rows]);

  const onPick = useMemo(
    () => (row: HopRow) => {
      const s = api.getState();
      s.followPacket(row.packet);
      s.select(row.to);
      void s.pause();
    },
    [api],
  );

  return (
    <div className="kh-log">
      <LogFilters packets={hops} />
      <div
        className="kh-log-rows"
        ref={list}
        tabIndex={-1}
        onScroll={(e) => {
          const el = e.currentTarget;
          atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {rows.length === 0 ? (
          <p className="kh-empty">
            {filter.packet !== null || filter.client ? t("log.noMatch") : t("log.empty")}
          </p>
        ) : (
          <ol className="kh-log-list" aria-label={t("log.rows")}>
            {rows.map((r) =>
              r.kind === "hop" ? (
                <HopItem key={r.key} row={r} followed={followed === r.packet} onPick={onPick} lang={lang} />
              ) : (
                <EventItem key={r.key} row={r} lang={lang} />
              ),
            )}
          </ol>
        )}
      </div>
      {rows.length >= MAX_ROWS && (
        <p className="kh-log-cap kh-muted kh-small">{t("log.capped", { count: MAX_ROWS })}</p>
      )}
    </div>
  );
}

function LogFilters({ packets }: { packets: PlaygroundStore["hopLog"] }) {
  const t = useT();
  const api = usePlaygroundApi();
  const filter = usePlayground(selectLogFilter);
  const cluster = usePlayground(selectCluster);
  const sources = useMemo(() => trafficSources(cluster), [cluster]);
  const ids = useMemo(() => {
    const set = new Set<number>();
    for (let i = packets.length - 1; i >= 0 && set.size < 40; i--) set.add(packets[i]!.packet);
    if (filter.packet !== null) set.add(filter.packet);
    return [...set].sort((a, b) => a - b);
  }, [packets, filter.packet]);
  const set = api.getState().setLogFilter;
  const active = filter.packet !== null || filter.client !== null;
  return (
    <div className="kh-log-filters" role="group" aria-label={t("log.filters")}>
      <label className="kh-field">
        <span className="kh-field-label">{t("log.packet")}</span>
        <select
          className="kh-select"
          aria-label={t("log.byPacket")}
          value={filter.packet ?? ""}
          onChange={(e) => set({ packet: e.target.value === "" ? null : Number(e.target.value) })}
        >
          <option value="">{t("log.all")}</option>
          {ids.map((id) => (
            <option key={id} value={id}>
              #{id}
            </option>
          ))}
        </select>
      </label>
      <label className="kh-field">
        <span className="kh-field-label">{t("log.client")}</span>
        <select
          className="kh-select"
          aria-label={t("log.byClient")}
          value={filter.client ?? ""}
          onChange={(e) => set({ client: e.target.value || null })}
        >
          <option value="">{t("log.all")}</option>
          {sources.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {active && (
        <button
          type="button"
          className="kh-btn kh-btn-quiet"
          onClick={() => set({ packet: null, client: null })}
        >
          {t("log.clear")}
        </button>
      )}
    </div>
  );
}

function Packet({ p, than }: { p: PacketView; than?: PacketView }) {
  const t = useT();
  return (
    <span className="kh-packet">
      <span className={than && than.src !== p.src ? "kh-changed" : undefined}>{p.src}</span>
      <span className="kh-arrow" aria-label={t("log.to")}>
        →
      </span>
      <span className={than && than.dst !== p.dst ? "kh-changed" : undefined}>{p.dst}</span>
    </span>
  );
}

const HopItem = memo(function HopItem({
  row,
  followed,
  onPick,
  lang,
}: {
  row: HopRow;
  followed: boolean;
  onPick: (r: HopRow) => void;
  lang: Lang;
}) {
  const t = useT();
  return (
    <li className={followed ? "kh-log-row kh-followed" : "kh-log-row"}>
      <button type="button" className="kh-log-btn" onClick={() => onPick(row)} title={t("log.follow")}>
        <span className="kh-log-head">
          <span className="kh-time">{formatSeconds(row.tick, lang)}</span>
          <span className="kh-chip" style={{ borderColor: connectionColour(row.connection) }}>
            <span
              className="kh-dot"
              style={{ background: connectionColour(row.connection) }}
              aria-hidden="true"
            />
            #{row.packet}
          </span>
          <span className="kh-where" title={`${row.from} → ${row.to}`}>
            {shortPlaceName(row.from)} <span className="kh-arrow">→</span> {shortPlaceName(row.to)}
          </span>
          <span className={`kh-badge kh-tone-${row.tone}`}>{row.label}</span>
        </span>
        <span className="kh-log-detail">
          <Packet p={row.before} />
          {row.after && (
            <>
              <span className="kh-rewrite" aria-label={t("log.rewritten")}>
                ⇒
              </span>
              <Packet p={row.after} than={row.before} />
            </>
          )}
        </span>
        {row.rules.length > 0 && <span className="kh-rules">{row.rules.join(" › ")}</span>}
        {row.note && (
          <span className="kh-note" title={row.note}>
            {row.note}
          </span>
        )}
      </button>
    </li>
  );
});

const EventItem = memo(function EventItem({ row, lang }: { row: EventRow; lang: Lang }) {
  return (
    <li className="kh-log-row kh-log-event">
      <span className="kh-log-head">
        <span className="kh-time">{formatSeconds(row.tick, lang)}</span>
        <span className={`kh-badge kh-tone-${row.tone}`}>{row.label}</span>
        <span className="kh-where">{row.message || row.object}</span>
      </span>
    </li>
  );
});
