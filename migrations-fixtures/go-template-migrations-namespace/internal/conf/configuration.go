package conf

// DBConfiguration is read from the environment at start-up.
type DBConfiguration struct {
	Driver    string `json:"driver" envconfig:"DB_DRIVER" default:"postgres"`
	URL       string `json:"url" envconfig:"DATABASE_URL" required:"true"`
	Namespace string `json:"namespace" envconfig:"DB_NAMESPACE" default:"identity"`
}
