/**
 * The app's icons as inline SVG components (no icon font, nothing fetched): 20×20 grid, 1.6 px strokes in
 * `currentColor`, so they follow text colour, dark mode and forced colours. Decorative by default (aria-hidden);
 * pass `title` where an icon carries meaning on its own.
 */
import type { ReactNode, SVGProps } from 'react';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { title?: string; size?: number };

function Icon({ title, size = 20, className, children, ...rest }: IconProps & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 20 20"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className ? `icon ${className}` : 'icon'}
      focusable="false"
      {...(title ? { role: 'img', 'aria-label': title } : { 'aria-hidden': true })}
      {...rest}
    >
      {children}
    </svg>
  );
}

export const CheckIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4.5 10.5l3.5 3.5 7.5-8" />
  </Icon>
);

export const CheckCircleIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="10" cy="10" r="7.5" />
    <path d="M6.8 10.2l2.2 2.2 4.3-4.6" />
  </Icon>
);

export const WarningIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M10 3.2l7.2 12.6H2.8z" />
    <path d="M10 8.2v3.6" />
    <circle cx="10" cy="14" r="0.5" fill="currentColor" />
  </Icon>
);

export const ErrorIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="10" cy="10" r="7.5" />
    <path d="M7.4 7.4l5.2 5.2M12.6 7.4l-5.2 5.2" />
  </Icon>
);

export const InfoIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="10" cy="10" r="7.5" />
    <path d="M10 9v5" />
    <circle cx="10" cy="6.4" r="0.5" fill="currentColor" />
  </Icon>
);

export const CircleIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="10" cy="10" r="7" />
  </Icon>
);

export const DashIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M6 10h8" />
  </Icon>
);

export const ChevronRightIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 5l5 5-5 5" />
  </Icon>
);

export const ChevronLeftIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 5l-5 5 5 5" />
  </Icon>
);

export const OpenIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M11 4h5v5" />
    <path d="M16 4l-7 7" />
    <path d="M14 11.5V15a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h3.5" />
  </Icon>
);

export const PrivateIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 9h14" />
    <path d="M5.5 9l1.2-4.2a1 1 0 0 1 1.2-.7L10 4.6l2.1-.5a1 1 0 0 1 1.2.7L14.5 9" />
    <circle cx="6.8" cy="13.5" r="2.3" />
    <circle cx="13.2" cy="13.5" r="2.3" />
    <path d="M9.1 13.3c.6-.4 1.2-.4 1.8 0" />
  </Icon>
);

export const CopyIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="7" y="7" width="9" height="10" rx="1.5" />
    <path d="M13 7V4.5A1.5 1.5 0 0 0 11.5 3h-6A1.5 1.5 0 0 0 4 4.5v8A1.5 1.5 0 0 0 5.5 14H7" />
  </Icon>
);

export const EyeIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M2 10s3-5.5 8-5.5S18 10 18 10s-3 5.5-8 5.5S2 10 2 10z" />
    <circle cx="10" cy="10" r="2.5" />
  </Icon>
);

export const EyeOffIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 3l14 14" />
    <path d="M8.2 5A7.6 7.6 0 0 1 10 4.5c5 0 8 5.5 8 5.5a13 13 0 0 1-2.4 3M12 15.2a6.8 6.8 0 0 1-2 .3c-5 0-8-5.5-8-5.5a13.4 13.4 0 0 1 3.1-3.6" />
    <path d="M8.3 8.4a2.5 2.5 0 0 0 3.4 3.4" />
  </Icon>
);

export const LockIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="4.5" y="9" width="11" height="8" rx="1.5" />
    <path d="M7 9V6.5a3 3 0 0 1 6 0V9" />
  </Icon>
);

export const KeyIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="7" cy="12.5" r="3.5" />
    <path d="M9.5 10l6-6M13 6.5l2 2M11.5 8l1.5 1.5" />
  </Icon>
);

export const PlugIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M7 3v4M13 3v4" />
    <path d="M5 7h10v2.5a5 5 0 0 1-10 0z" />
    <path d="M10 14.5V17" />
  </Icon>
);

export const NetworkIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="10" cy="10" r="7.5" />
    <path d="M2.5 10h15M10 2.5c2 2.2 3 4.7 3 7.5s-1 5.3-3 7.5c-2-2.2-3-4.7-3-7.5s1-5.3 3-7.5z" />
  </Icon>
);

export const ShieldIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M10 2.8l6 2.2v4.6c0 3.7-2.5 6.4-6 7.6-3.5-1.2-6-3.9-6-7.6V5z" />
  </Icon>
);

export const UserIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="10" cy="7" r="3.2" />
    <path d="M3.8 17a6.2 6.2 0 0 1 12.4 0" />
  </Icon>
);

export const AdminIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8.5" cy="7" r="3.2" />
    <path d="M2.5 17a6 6 0 0 1 8.6-5.4" />
    <path d="M15 11l2.5 1v2c0 1.6-1.1 2.7-2.5 3.2-1.4-.5-2.5-1.6-2.5-3.2v-2z" />
  </Icon>
);

export const MailIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="2.5" y="4.5" width="15" height="11" rx="1.5" />
    <path d="M3 5.5l7 5.5 7-5.5" />
  </Icon>
);

export const ServerIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3" y="3.5" width="14" height="5.5" rx="1.2" />
    <rect x="3" y="11" width="14" height="5.5" rx="1.2" />
    <path d="M6 6.2h.01M6 13.8h.01" strokeWidth={2.2} />
  </Icon>
);

export const ClockIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="10" cy="10" r="7.5" />
    <path d="M10 5.8V10l2.8 1.8" />
  </Icon>
);

export const UndoIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M7 5L3.5 8.5 7 12" />
    <path d="M3.5 8.5h8a4.5 4.5 0 0 1 0 9H9" />
  </Icon>
);

export const ZoomIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8.5" cy="8.5" r="5.5" />
    <path d="M12.5 12.5l4.5 4.5M8.5 6v5M6 8.5h5" />
  </Icon>
);

export const CloseIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M5 5l10 10M15 5L5 15" />
  </Icon>
);

export const PlusIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M10 4v12M4 10h12" />
  </Icon>
);

export const PencilIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12.8 3.8l3.4 3.4L7.4 16H4v-3.4z" />
  </Icon>
);

export const TrashIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3.5 5.5h13M8 5.5V3.8h4v1.7M5.5 5.5l.8 11h7.4l.8-11" />
  </Icon>
);

export const DownloadIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M10 3v10M6 9l4 4 4-4M4 16.5h12" />
  </Icon>
);

export const SearchIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8.5" cy="8.5" r="5" />
    <path d="M12.3 12.3l4.2 4.2" />
  </Icon>
);

export const RefreshIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M16 10a6 6 0 1 1-1.8-4.3" />
    <path d="M16 3.5v3.2h-3.2" />
  </Icon>
);

/** Two opposed arrows: switching between the two tracks. */
export const SwitchIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 7h11.5M12.5 4l3 3-3 3" />
    <path d="M16 13H4.5M7.5 10l-3 3 3 3" />
  </Icon>
);

export const RocketIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M11.5 3.5c2.5-.8 4.2-.6 5 .2.8.8 1 2.5.2 5l-5.3 5.3-5.4-5.4z" />
    <circle cx="12.6" cy="7.4" r="1.3" />
    <path d="M6 8.6L3.5 8l2-2.5 3 .3M11.4 14l.6 2.5 2.5-2-.3-3" />
    <path d="M5.5 12.5c-1 .5-1.8 1.8-2 4 2.2-.2 3.5-1 4-2" />
  </Icon>
);

/** A spinning arc for running work; the rotation is in CSS and stops under prefers-reduced-motion. */
export const SpinnerIcon = (p: IconProps) => (
  <Icon {...p} className={p.className ? `spinner ${p.className}` : 'spinner'}>
    <circle cx="10" cy="10" r="7" opacity={0.25} />
    <path d="M17 10a7 7 0 0 0-7-7" />
  </Icon>
);

/** The app's mark: an envelope passing a shield, used in the header. */
export const AppMark = (p: IconProps) => (
  <Icon {...p} viewBox="0 0 20 20">
    <rect x="1.8" y="4.5" width="12" height="9" rx="1.4" />
    <path d="M2.3 5.3l5.5 4.3 5.5-4.3" />
    <path d="M14.5 9.2l3.7 1.4v2.6c0 2.2-1.5 3.7-3.7 4.4-2.2-.7-3.7-2.2-3.7-4.4v-2.6z" fill="currentColor" />
  </Icon>
);
