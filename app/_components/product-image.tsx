/**
 * A product's artwork. The catalog's images are SVGs, which Next's image optimizer passes through
 * untouched, so next/image would only add a client component (its JavaScript, and one hydration per
 * image) to every card. A plain <img> rendered on the server keeps the size attributes (no layout shift)
 * and says which image to fetch first.
 */
export function ProductImage({
  src,
  alt,
  width,
  height,
  className,
  load = "lazy",
}: {
  src: string;
  alt: string;
  width: number;
  height: number;
  className: string;
  /** "first": the page's largest paint, fetched at high priority; "eager": above the fold; "lazy": below it. */
  load?: "first" | "eager" | "lazy";
}) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- see above: next/image cannot optimize these SVGs.
    <img
      src={src}
      alt={alt}
      width={width}
      height={height}
      className={className}
      decoding="async"
      loading={load === "lazy" ? "lazy" : "eager"}
      fetchPriority={load === "first" ? "high" : undefined}
    />
  );
}
