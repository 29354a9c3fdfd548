// A short tone that needs no sound file, for alarms on the dashboard and the phone page.
export function tone(seconds) {
  try {
    const audio = new (window.AudioContext || window.webkitAudioContext)();
    const oscillator = audio.createOscillator();
    oscillator.frequency.value = 880;
    oscillator.connect(audio.destination);
    oscillator.onended = () => audio.close();
    oscillator.start();
    oscillator.stop(audio.currentTime + seconds);
  } catch (e) { /* no sound available */ }
}
