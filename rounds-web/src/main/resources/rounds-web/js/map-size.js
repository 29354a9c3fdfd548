// Keeps Leaflet's idea of a map's size right while the page's grid settles (and phones rotate):
// the map is made before its box has its final size. A box of no size (a page being left, a
// hidden tab) is skipped: Leaflet cannot compute a centre there and throws "Invalid LatLng (NaN, NaN)".
// Returns the observer; disconnect it when the page goes.
export function keepMapSized(map, box, fitAgain) {
  const observer = new ResizeObserver(entries => {
    const size = entries[entries.length - 1].contentRect;
    if (!size.width || !size.height || !box.isConnected) return;
    map.invalidateSize();
    fitAgain();
  });
  observer.observe(box);
  return observer;
}
